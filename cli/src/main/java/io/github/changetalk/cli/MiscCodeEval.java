package io.github.changetalk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.MiscCode;
import io.github.changetalk.Speaker;
import io.github.changetalk.cli.eval.Confusion;
import io.github.changetalk.cli.run.Processed;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MISC 2.5 side of {@code changetalk eval}: compares the code changetalk gives each counselor turn
 * ({@link CounselorCoding#code()}) with the gold column {@code code}, and its righting-reflex flag
 * ({@link CounselorCoding#miInconsistent()}) with whether that gold code is ADW, RCW, CO, DI or WA. Only
 * counselor rows are read (a MISC file codes client utterances in the same column, with codes of its own).
 *
 * <p>Gold codes are changetalk's ids, case-insensitive, plus the MISC 2.0/2.1 spellings of the four that
 * MISC 2.5 renamed ({@link #ALIASES}). A MISC code changetalk never gives ({@link #NOT_GIVEN}: reframe) is a
 * gold class of its own, always missed; anything else is a one-line error. Not thread-safe: fed by the
 * pipeline's single writer thread, through {@link HelperEval}.
 */
final class MiscCodeEval {
    static final String CODE = "code";

    /** MISC 2.0/2.1 spellings of codes MISC 2.5 writes otherwise: open and closed question, simple and complex reflection. */
    static final Map<String, MiscCode> ALIASES = Map.of("QUO", MiscCode.OQ, "QUC", MiscCode.CQ,
            "RES", MiscCode.SR, "REC", MiscCode.CR);

    /** MISC codes changetalk's coder never gives, with their group (a reframe offers a new meaning without opposing: adherent). */
    static final Map<String, Group> NOT_GIVEN = Map.of("RF", Group.MI_ADHERENT);

    /** How MI counts a code: the groups of the stance confusion, as named in the report. */
    enum Group {
        MI_ADHERENT, NEUTRAL, MI_INCONSISTENT;

        /** As reported: mi_adherent, neutral, mi_inconsistent. */
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Group of(MiscCode c) {
            return c.miInconsistent() ? MI_INCONSISTENT : c.miAdherent() ? MI_ADHERENT : NEUTRAL;
        }
    }

    /** A gold code read: its id as reported (ours, or a code we never give) and its group. */
    private record Gold(String code, Group group) {
    }

    private static final List<String> CODES = codes();

    private final Confusion codes = new Confusion(CODES);
    private final Confusion groups = new Confusion(Arrays.stream(Group.values()).map(Group::id).toList());
    private long inconsistentNotCoded;

    private static List<String> codes() {
        List<String> all = new ArrayList<>(Arrays.stream(MiscCode.values()).map(MiscCode::id).toList());
        all.addAll(NOT_GIVEN.keySet().stream().sorted().toList());
        return List.copyOf(all);
    }

    /** The gold code of a counselor row as written (not yet checked), or null when it has none or is not a counselor row. */
    static String goldValue(Processed p) {
        if (p.isError() || p.input().speaker() != Speaker.COUNSELOR) {
            return null;
        }
        return HelperEval.raw(p, CODE);
    }

    /** Checks a counselor row's gold code, scoring nothing; a one-line {@link CliException} for an unknown one. */
    static void check(Processed p) {
        String g = goldValue(p);
        if (g != null) {
            parse(p.input().where(), g);
        }
    }

    private static Gold parse(String where, String value) {
        String id = value.toUpperCase(Locale.ROOT);
        MiscCode c = ALIASES.get(id);
        if (c == null) {
            try {
                c = MiscCode.valueOf(id);
            } catch (IllegalArgumentException e) {
                Group g = NOT_GIVEN.get(id);
                if (g == null) {
                    throw new CliException(CliException.FAILED, where + ": unknown gold " + CODE + " '" + value
                            + "' in column " + CODE + " (expected a MISC 2.5 code: " + MiscCode.names() + " "
                            + String.join(" ", NOT_GIVEN.keySet().stream().sorted().toList()) + ", or "
                            + String.join(" ", ALIASES.keySet().stream().sorted().toList()) + ")");
                }
                return new Gold(id, g);
            }
        }
        return new Gold(c.id(), Group.of(c));
    }

    /** Scores a counselor turn's coding against its gold code {@code value} (from {@link #goldValue}). */
    void add(String where, String value, CounselorCoding coding) {
        if (coding.code() == null) { // the coder always gives a coded turn a code; a hand-built coding may not
            notCoded(where, value);
            return;
        }
        Gold g = parse(where, value);
        codes.add(g.code(), coding.code().id());
        // A turn flagged for the righting reflex counts as MI-inconsistent whatever its turn code (a question after
        // an order): the stance confusion's last column is then exactly the flag the righting-reflex figures score.
        Group predicted = coding.miInconsistent() ? Group.MI_INCONSISTENT : Group.of(coding.code());
        groups.add(g.group().id(), predicted.id());
    }

    /**
     * Notes a counselor turn with a gold code that no rule coded (checking the code): it is not scored, but a
     * righting reflex among them is one the coder missed, and is reported beside the figures.
     */
    void notCoded(String where, String value) {
        if (parse(where, value).group() == Group.MI_INCONSISTENT) {
            inconsistentNotCoded++;
        }
    }

    long total() {
        return codes.total();
    }

    /** The figures as JSON: {@code righting_reflex}, {@code groups}, then the codes present in gold or predictions. */
    ObjectNode report() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("column", CODE);
        o.put("turns", codes.total());
        String inc = Group.MI_INCONSISTENT.id();
        long gold = groups.goldCount(inc);
        long flagged = groups.predictedCount(inc);
        long both = groups.count(inc, inc);
        ObjectNode rr = o.putObject("righting_reflex");
        rr.put("precision", EvalCommand.round(flagged == 0 ? Double.NaN : both / (double) flagged));
        rr.put("recall", EvalCommand.round(gold == 0 ? Double.NaN : both / (double) gold));
        rr.put("f1", EvalCommand.round(gold + flagged == 0 ? Double.NaN : 2.0 * both / (gold + flagged)));
        rr.put("gold", gold).put("flagged", flagged).put("both", both);
        rr.put("gold_not_coded", inconsistentNotCoded);
        ObjectNode g = o.putObject("groups");
        g.put("accuracy", EvalCommand.round(groups.accuracy()));
        g.set("confusion", EvalCommand.figures(groups).get("confusion"));
        ObjectNode figures = EvalCommand.figures(codes);
        prune(figures);
        o.setAll(figures);
        ObjectNode missed = o.putObject("not_given");
        NOT_GIVEN.keySet().stream().sorted().filter(c -> codes.goldCount(c) > 0)
                .forEach(c -> missed.put(c, codes.goldCount(c)));
        return o;
    }

    /** Keeps the codes seen in the gold or the predictions, in the labels and both sides of the confusion. */
    private void prune(ObjectNode figures) {
        List<String> absent = CODES.stream().filter(c -> codes.goldCount(c) == 0 && codes.predictedCount(c) == 0).toList();
        ((ObjectNode) figures.get("labels")).remove(absent);
        ObjectNode confusion = (ObjectNode) figures.get("confusion");
        confusion.remove(absent);
        confusion.forEach(row -> ((ObjectNode) row).remove(absent));
    }

    /** The figures as text, from {@link #report}'s JSON: the righting reflex first, as a supervisor reads it. */
    static void print(PrintWriter out, JsonNode c) {
        JsonNode rr = c.get("righting_reflex");
        out.println();
        out.println("RIGHTING REFLEX (MI-inconsistent: ADW RCW CO DI WA) on the " + c.get("turns").asLong()
                + " counselor turns with a gold MISC code in column " + c.get("column").asText() + ":");
        out.println("  precision " + EvalCommand.num(rr.get("precision")) + "  recall " + EvalCommand.num(rr.get("recall"))
                + "  F1 " + EvalCommand.num(rr.get("f1")) + "  (gold " + rr.get("gold").asLong() + ", flagged "
                + rr.get("flagged").asLong() + ", both " + rr.get("both").asLong() + ")");
        if (rr.get("gold_not_coded").asLong() > 0) {
            out.println("  and " + rr.get("gold_not_coded").asLong() + " more gold MI-inconsistent turns that no rule coded"
                    + " (not scored above; each is a righting reflex missed)");
        }
        out.println("MI-adherent / neutral / MI-inconsistent: accuracy " + EvalCommand.num(c.get("groups").get("accuracy"))
                + " (rows gold, columns predicted; a flagged turn counts as MI-inconsistent)");
        EvalCommand.printConfusion(out, c.get("groups").get("confusion"));
        ObjectNode codes = JsonNodeFactory.instance.objectNode();
        for (String k : List.of("accuracy", "kappa", "macro_f1", "labels", "confusion")) {
            codes.set(k, c.get(k));
        }
        EvalCommand.printFigures(out, "MISC codes (turn code)", codes);
        if (!c.get("not_given").isEmpty()) {
            List<String> parts = new ArrayList<>();
            c.get("not_given").fields().forEachRemaining(e -> parts.add(e.getKey() + " " + e.getValue().asLong()));
            out.println("gold codes changetalk never gives (counted as missed): " + String.join(", ", parts));
        }
    }
}
