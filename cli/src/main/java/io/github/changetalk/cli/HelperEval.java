package io.github.changetalk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.Behaviour;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.HelperScores;
import io.github.changetalk.cli.eval.Confusion;
import io.github.changetalk.cli.eval.Roc;
import io.github.changetalk.cli.run.Processed;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The helper (counselor) side of {@code changetalk eval}: compares each coded counselor turn with the
 * gold columns {@code behaviour} (question, reflection, therapist_input or input, other), {@code question}
 * (open, closed) and {@code reflection} (simple, complex), as AnnoMI codes them; and, per session, ranks
 * sessions by {@code mi_adherence} against the gold {@code mi_quality} column (high, low) by the area under
 * the ROC curve; and the MISC 2.5 code of each counselor turn against the gold column {@code code}, with the
 * righting reflex ({@link MiscCodeEval}). A column the gold lacks, or leaves empty on a row, is not scored there. Not thread-safe:
 * fed by the pipeline's single writer thread.
 */
final class HelperEval {
    static final String BEHAVIOUR = "behaviour";
    static final String QUESTION = "question";
    static final String REFLECTION = "reflection";
    static final String QUALITY = "mi_quality";
    /** What a turn holding no question (or no reflection) by the coder is counted as, against a gold kind. */
    static final String NONE = "none";

    private static final List<String> BEHAVIOURS = Arrays.stream(Behaviour.values()).map(Behaviour::id).toList();

    private final Confusion behaviour = new Confusion(BEHAVIOURS);
    private final Confusion question = new Confusion(List.of("open", "closed", NONE));
    private final Confusion reflection = new Confusion(List.of("simple", "complex", NONE));
    private final MiscCodeEval codes = new MiscCodeEval();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private long notCoded;

    private static final class Session {
        final HelperScores.Tally tally = new HelperScores.Tally();
        String quality;
    }

    /** Takes one processed record; throws a one-line {@link CliException} for a gold value it does not know. */
    void add(Processed p) {
        if (p.isError()) {
            return;
        }
        String where = p.input().where();
        String quality = gold(p, QUALITY);
        Session s = null;
        if (quality != null || (p.result() != null && p.result().coded())) {
            s = sessions.computeIfAbsent(p.input().session(), k -> new Session());
        }
        if (quality != null) {
            if (!quality.equals("high") && !quality.equals("low")) {
                throw bad(where, QUALITY, quality, "high or low");
            }
            if (s.quality != null && !s.quality.equals(quality)) {
                throw new CliException(CliException.FAILED, where + ": session " + p.input().session() + " is '" + s.quality
                        + "' in column " + QUALITY + " on an earlier row and '" + quality + "' here");
            }
            s.quality = quality;
        }
        CounselorCoding coding = p.result() == null ? null : p.result().coding();
        if (coding != null) {
            s.tally.add(coding);
        }
        String goldBehaviour = gold(p, BEHAVIOUR);
        String goldQuestion = gold(p, QUESTION);
        String goldReflection = gold(p, REFLECTION);
        String goldCode = MiscCodeEval.goldValue(p);
        if (goldBehaviour == null && goldQuestion == null && goldReflection == null && goldCode == null) {
            return;
        }
        if (coding == null) {
            if (goldCode != null) {
                codes.notCoded(where, goldCode);
            }
            notCoded++;
            return;
        }
        if (goldCode != null) {
            codes.add(where, goldCode, coding);
        }
        if (goldBehaviour != null) {
            Behaviour b;
            try {
                b = Behaviour.fromId(goldBehaviour);
            } catch (IllegalArgumentException e) {
                throw bad(where, BEHAVIOUR, goldBehaviour, "question, reflection, therapist_input, input or other");
            }
            behaviour.add(b.id(), coding.behaviour().id());
        }
        if (goldQuestion != null) {
            if (!goldQuestion.equals("open") && !goldQuestion.equals("closed")) {
                throw bad(where, QUESTION, goldQuestion, "open or closed");
            }
            question.add(goldQuestion, coding.questionKind() == null ? NONE : coding.questionKind().id());
        }
        if (goldReflection != null) {
            if (!goldReflection.equals("simple") && !goldReflection.equals("complex")) {
                throw bad(where, REFLECTION, goldReflection, "simple or complex");
            }
            reflection.add(goldReflection, coding.reflectionKind() == null ? NONE : coding.reflectionKind().id());
        }
    }

    private static CliException bad(String where, String column, String value, String expected) {
        return new CliException(CliException.FAILED, where + ": unknown gold " + column + " '" + value + "' in column "
                + column + " (expected " + expected + ")");
    }

    /**
     * Checks a record's helper gold values as {@link #add} does, scoring nothing: for records kept to be scored
     * later ({@code eval --weights fit}), so that a bad value still fails where it is read.
     */
    static void check(Processed p) {
        if (p.isError()) {
            return;
        }
        String where = p.input().where();
        String quality = gold(p, QUALITY);
        if (quality != null && !quality.equals("high") && !quality.equals("low")) {
            throw bad(where, QUALITY, quality, "high or low");
        }
        String b = gold(p, BEHAVIOUR);
        if (b != null) {
            try {
                Behaviour.fromId(b);
            } catch (IllegalArgumentException e) {
                throw bad(where, BEHAVIOUR, b, "question, reflection, therapist_input, input or other");
            }
        }
        String q = gold(p, QUESTION);
        if (q != null && !q.equals("open") && !q.equals("closed")) {
            throw bad(where, QUESTION, q, "open or closed");
        }
        String r = gold(p, REFLECTION);
        if (r != null && !r.equals("simple") && !r.equals("complex")) {
            throw bad(where, REFLECTION, r, "simple or complex");
        }
        MiscCodeEval.check(p);
    }

    static String gold(Processed p, String column) {
        String s = raw(p, column);
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** A gold cell as written, stripped; null when the record lacks the column or leaves it empty. */
    static String raw(Processed p, String column) {
        Object v = p.input().fields().get(column);
        if (v == null) {
            return null;
        }
        String s = v instanceof JsonNode n ? (n.isNull() ? "" : n.asText()) : v.toString();
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /** True when some counselor turn had a helper gold value (scored or not). */
    boolean hasGold() {
        return behaviour.total() + question.total() + reflection.total() + codes.total() + notCoded > 0;
    }

    /** True when some session has a gold practice quality. */
    boolean hasQuality() {
        return sessions.values().stream().anyMatch(s -> s.quality != null);
    }

    /** The helper figures as JSON; {@code summary} adds the sessions and the ROC AUC of mi_adherence. */
    ObjectNode report(boolean summary) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode r = f.objectNode();
        r.put("scored", behaviour.total());
        r.put("not_coded", notCoded);
        if (codes.total() > 0) {
            r.set(MiscCodeEval.CODE, codes.report());
        }
        if (behaviour.total() > 0) {
            r.set("behaviour", EvalCommand.figures(behaviour));
        }
        if (question.total() > 0) {
            r.set("question", kinds(question));
        }
        if (reflection.total() > 0) {
            r.set("reflection", kinds(reflection));
        }
        if (summary) {
            ArrayNode list = r.putArray("sessions");
            List<Double> high = new ArrayList<>();
            List<Double> low = new ArrayList<>();
            long undefined = 0;
            for (Map.Entry<String, Session> e : sessions.entrySet()) {
                HelperScores h = e.getValue().tally.scores();
                ObjectNode o = list.addObject();
                o.put("session", e.getKey());
                o.put("mi_quality", e.getValue().quality);
                o.put("turns", h.turns());
                o.put("reflection_to_question", EvalCommand.round(h.reflectionToQuestion()));
                o.put("complex_reflection_share", EvalCommand.round(h.complexReflectionShare()));
                o.put("open_question_share", EvalCommand.round(h.openQuestionShare()));
                o.put("mi_inconsistent", h.miInconsistent());
                o.put("mi_consistent_share", EvalCommand.round(h.miConsistentShare()));
                o.put("mi_adherence", EvalCommand.round(h.miAdherence()));
                String q = e.getValue().quality;
                if (q == null) {
                    continue;
                }
                if (Double.isNaN(h.miAdherence())) {
                    undefined++;
                } else {
                    (q.equals("high") ? high : low).add(h.miAdherence());
                }
            }
            if (hasQuality()) {
                ObjectNode auc = r.putObject("mi_adherence_auc");
                auc.put("auc", EvalCommand.round(Roc.auc(high, low)));
                auc.put("high_sessions", high.size());
                auc.put("low_sessions", low.size());
                auc.put("sessions_without_coded_turns", undefined);
            }
        }
        return r;
    }

    /** Accuracy of a subtype on the turns whose gold has it; a turn the coder gave none of counts as wrong. */
    private static ObjectNode kinds(Confusion c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("turns", c.total());
        o.put("accuracy", EvalCommand.round(c.accuracy()));
        long none = c.predictedCount(NONE);
        o.put("no_prediction", none);
        // Accuracy among the turns the coder did give a kind: the two-way decision itself.
        long agree = 0;
        for (String l : c.labels()) {
            agree += l.equals(NONE) ? 0 : c.count(l, l);
        }
        o.put("accuracy_when_predicted", EvalCommand.round(c.total() == none ? Double.NaN : agree / (double) (c.total() - none)));
        ObjectNode confusion = o.putObject("confusion");
        for (String g : c.labels()) {
            if (g.equals(NONE)) {
                continue;
            }
            ObjectNode row = confusion.putObject(g);
            for (String p : c.labels()) {
                row.put(p, c.count(g, p));
            }
        }
        return o;
    }

    /** The helper figures as text, from {@link #report}'s JSON. */
    static void print(PrintWriter out, ObjectNode r) {
        out.println();
        boolean codesOnly = r.has(MiscCodeEval.CODE) && !r.has("behaviour");
        out.println("helper turns: " + (codesOnly ? r.get(MiscCodeEval.CODE).get("turns").asLong() : r.get("scored").asLong())
                + " scored against column " + (codesOnly ? MiscCodeEval.CODE : BEHAVIOUR)
                + (r.get("not_coded").asLong() > 0 ? " (" + r.get("not_coded").asLong()
                + " counselor turns with gold were not coded: are counselor packs loaded?)" : ""));
        if (r.has(MiscCodeEval.CODE)) {
            MiscCodeEval.print(out, r.get(MiscCodeEval.CODE));
        }
        if (r.has("behaviour")) {
            EvalCommand.printFigures(out, "helper behaviour (question / reflection / input / other)", (ObjectNode) r.get("behaviour"));
        }
        for (String kind : List.of(QUESTION, REFLECTION)) {
            if (!r.has(kind)) {
                continue;
            }
            JsonNode k = r.get(kind);
            out.println();
            out.println((kind.equals(QUESTION) ? "open vs closed" : "simple vs complex") + " on the " + k.get("turns").asLong()
                    + " turns whose gold has a " + kind + " code: accuracy " + EvalCommand.num(k.get("accuracy"))
                    + " (" + k.get("no_prediction").asLong() + " with no " + kind + " found; accuracy on the rest "
                    + EvalCommand.num(k.get("accuracy_when_predicted")) + ")");
            EvalCommand.printConfusion(out, k.get("confusion"));
        }
        if (r.has("sessions")) {
            out.println();
            out.println("helper scores per session (docs/helper-scores.md):");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("session", "mi_quality", "turns", "R:Q", "complex R", "open Q", "MI-inconsistent", "mi_adherence"));
            r.get("sessions").forEach(s -> rows.add(List.of(s.get("session").asText(), s.get("mi_quality").isNull() ? ""
                    : s.get("mi_quality").asText(), s.get("turns").asText(), EvalCommand.num(s.get("reflection_to_question")),
                    EvalCommand.num(s.get("complex_reflection_share")), EvalCommand.num(s.get("open_question_share")),
                    s.get("mi_inconsistent").asText(), EvalCommand.num(s.get("mi_adherence")))));
            RulesCommand.printTable(out, rows);
        }
        if (r.has("mi_adherence_auc")) {
            JsonNode a = r.get("mi_adherence_auc");
            out.println("ROC AUC of mi_adherence, high vs low practice: " + EvalCommand.num(a.get("auc")) + " ("
                    + a.get("high_sessions").asLong() + " high, " + a.get("low_sessions").asLong() + " low sessions"
                    + (a.get("sessions_without_coded_turns").asLong() > 0 ? "; " + a.get("sessions_without_coded_turns").asLong()
                    + " with no coded counselor turn left out" : "") + ")");
        }
    }
}
