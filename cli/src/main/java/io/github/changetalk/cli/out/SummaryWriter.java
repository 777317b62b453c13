package io.github.changetalk.cli.out;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.HelperScores;
import io.github.changetalk.Label;
import io.github.changetalk.MiscCode;
import io.github.changetalk.cli.eval.SessionSummary;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link SessionSummary}: an aligned table, CSV/TSV rows, or JSON. When counselor turns were
 * coded, every format adds the helper scores ({@link HelperScores}, docs/helper-scores.md) per session and
 * overall, and the text format lists the MI-inconsistent turns with the words that decided them. An
 * undefined ratio is empty in CSV/TSV, null in JSON and n/a in text.
 */
public final class SummaryWriter {
    private SummaryWriter() {
    }

    public static void write(PrintWriter out, SessionSummary summary, OutputFormat format) {
        switch (format) {
            case TEXT -> table(out, summary);
            case CSV, TSV -> delimited(out, summary, format == OutputFormat.TSV);
            case JSON, JSONL -> json(out, summary, format == OutputFormat.JSONL);
        }
    }

    /** The helper columns of the machine formats, after the client ones. */
    static final List<String> HELPER_SCORES = List.of("reflection_to_question", "reflection_to_question_band",
            "complex_reflection_share", "complex_reflection_band", "open_question_share", "mi_inconsistent",
            "mi_consistent_share", "mi_adherence");

    private static List<String> header(boolean helper) {
        List<String> h = new ArrayList<>(List.of("session"));
        for (Label l : Label.values()) {
            h.add(l.id());
        }
        h.addAll(List.of("change_talk", "sustain_talk", "ct_share"));
        if (helper) {
            h.add("helper_turns");
            for (MiscCode c : MiscCode.values()) {
                h.add(c.id());
            }
            h.addAll(HELPER_SCORES);
        }
        return h;
    }

    private static List<String> row(String name, SessionSummary.Counts c, HelperScores helper) {
        List<String> r = new ArrayList<>(List.of(name));
        for (Label l : Label.values()) {
            r.add(Long.toString(c.count(l)));
        }
        r.add(Long.toString(c.changeTalk()));
        r.add(Long.toString(c.sustainTalk()));
        r.add(Double.isNaN(c.share()) ? "" : String.format(Locale.ROOT, "%.3f", c.share()));
        if (helper != null) {
            r.add(Long.toString(helper.turns()));
            for (MiscCode code : MiscCode.values()) {
                r.add(Long.toString(helper.count(code)));
            }
            r.add(number(helper.reflectionToQuestion(), ""));
            r.add(helper.reflectionToQuestionBand() == null ? "" : helper.reflectionToQuestionBand().id());
            r.add(number(helper.complexReflectionShare(), ""));
            r.add(helper.complexReflectionBand() == null ? "" : helper.complexReflectionBand().id());
            r.add(number(helper.openQuestionShare(), ""));
            r.add(Long.toString(helper.miInconsistent()));
            r.add(number(helper.miConsistentShare(), ""));
            r.add(number(helper.miAdherence(), ""));
        }
        return r;
    }

    /** Three decimals, or {@code undefined} for NaN. */
    static String number(double v, String undefined) {
        return Double.isNaN(v) ? undefined : String.format(Locale.ROOT, "%.3f", v);
    }

    private static List<List<String>> rows(SessionSummary s, boolean helper) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header(helper));
        for (Map.Entry<String, SessionSummary.Counts> e : s.sessions().entrySet()) {
            rows.add(row(e.getKey(), e.getValue(), helper ? s.helper(e.getKey()) : null));
        }
        rows.add(row("overall", s.overall(), helper ? s.helperOverall() : null));
        return rows;
    }

    private static void table(PrintWriter out, SessionSummary s) {
        align(out, rows(s, false));
        if (s.helperCoded()) {
            helperTables(out, s);
        }
    }

    /** The helper scores as text: the MITI table, the codes seen, then the MI-inconsistent turns. */
    private static void helperTables(PrintWriter out, SessionSummary s) {
        List<Map.Entry<String, HelperScores>> all = new ArrayList<>();
        s.sessions().keySet().forEach(k -> all.add(Map.entry(k, s.helper(k))));
        all.add(Map.entry("overall", s.helperOverall()));
        List<List<String>> scores = new ArrayList<>();
        scores.add(List.of("helper", "turns", "R:Q", "MITI", "complex R", "MITI", "open Q", "MI-inconsistent",
                "MI-consistent", "mi_adherence"));
        List<MiscCode> seen = new ArrayList<>();
        for (MiscCode c : MiscCode.values()) {
            if (s.helperOverall().count(c) > 0) {
                seen.add(c);
            }
        }
        List<List<String>> codes = new ArrayList<>();
        List<String> codeHead = new ArrayList<>(List.of("codes"));
        seen.forEach(c -> codeHead.add(c.id()));
        codes.add(codeHead);
        for (Map.Entry<String, HelperScores> e : all) {
            String name = e.getKey();
            HelperScores h = e.getValue();
            scores.add(List.of(name, Long.toString(h.turns()), number(h.reflectionToQuestion(), "n/a"), band(h.reflectionToQuestionBand()),
                    percent(h.complexReflectionShare()), band(h.complexReflectionBand()), percent(h.openQuestionShare()),
                    Long.toString(h.miInconsistent()), percent(h.miConsistentShare()), number(h.miAdherence(), "n/a")));
            List<String> row = new ArrayList<>(List.of(name));
            seen.forEach(c -> row.add(Long.toString(h.count(c))));
            codes.add(row);
        }
        out.println();
        out.println("Helper (counselor turns; MITI 4.2 bands: R:Q fair 1:1, good 2:1; complex reflections fair 40%, good 50%):");
        align(out, scores);
        out.println();
        align(out, codes);
        List<SessionSummary.Flagged> flagged = s.flagged();
        out.println();
        out.println("MI-inconsistent turns (" + flagged.size() + ")" + (flagged.isEmpty() ? "" : ":"));
        for (SessionSummary.Flagged f : flagged) {
            StringBuilder b = new StringBuilder("  ").append(f.where());
            if (f.session() != null && !f.where().startsWith(f.session() + ":")) {
                b.append(" (session ").append(f.session()).append(')');
            }
            String sep = "  ";
            for (SessionSummary.Reason r : f.reasons()) {
                b.append(sep).append(r.code() == null ? "?" : r.code()).append(" by ").append(r.rule() == null ? "no rule" : r.rule());
                if (r.words() != null) {
                    b.append(": \"").append(r.words()).append('"');
                }
                sep = "; ";
            }
            out.println(b);
        }
    }

    private static String band(HelperScores.Band b) {
        return b == null ? "n/a" : b == HelperScores.Band.BELOW ? "below fair" : b.id();
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static void align(PrintWriter out, List<List<String>> rows) {
        int[] width = new int[rows.get(0).size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                if (i == 0) {
                    b.append(cell).append(" ".repeat(width[i] - cell.length()));
                } else {
                    b.append("  ").append(" ".repeat(width[i] - cell.length())).append(cell);
                }
            }
            out.println(b.toString().stripTrailing());
        }
    }

    private static void delimited(PrintWriter out, SessionSummary s, boolean tabs) {
        List<List<String>> rows = rows(s, s.helperCoded());
        for (List<String> r : rows) {
            out.println(String.join(tabs ? "\t" : ",", r.stream()
                    .map(c -> tabs ? DelimitedWriter.tsv(c) : DelimitedWriter.csv(c)).toList()));
        }
    }

    /** One session's counts as JSON, with its helper scores when {@code helper} is not null. */
    public static ObjectNode json(String session, SessionSummary.Counts c, HelperScores helper) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("session", session);
        ObjectNode counts = o.putObject("counts");
        for (Label l : Label.values()) {
            counts.put(l.id(), c.count(l));
        }
        o.put("change_talk", c.changeTalk());
        o.put("sustain_talk", c.sustainTalk());
        if (Double.isNaN(c.share())) {
            o.putNull("ct_share");
        } else {
            o.put("ct_share", c.share());
        }
        if (helper != null) {
            o.set("helper", helperJson(helper));
        }
        return o;
    }

    /** Helper scores as JSON: turns, counts per code, each score (null when undefined) and its MITI band. */
    public static ObjectNode helperJson(HelperScores h) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("turns", h.turns());
        ObjectNode codes = o.putObject("codes");
        for (MiscCode c : MiscCode.values()) {
            codes.put(c.id(), h.count(c));
        }
        put(o, "reflection_to_question", h.reflectionToQuestion());
        o.put("reflection_to_question_band", h.reflectionToQuestionBand() == null ? null : h.reflectionToQuestionBand().id());
        put(o, "complex_reflection_share", h.complexReflectionShare());
        o.put("complex_reflection_band", h.complexReflectionBand() == null ? null : h.complexReflectionBand().id());
        put(o, "open_question_share", h.openQuestionShare());
        o.put("mi_inconsistent", h.miInconsistent());
        put(o, "mi_consistent_share", h.miConsistentShare());
        put(o, "mi_adherence", h.miAdherence());
        return o;
    }

    private static void put(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    private static void json(PrintWriter out, SessionSummary s, boolean lines) {
        boolean helper = s.helperCoded();
        try {
            if (lines) {
                for (Map.Entry<String, SessionSummary.Counts> e : s.sessions().entrySet()) {
                    out.println(Fields.MAPPER.writeValueAsString(json(e.getKey(), e.getValue(), helper ? s.helper(e.getKey()) : null)));
                }
                out.println(Fields.MAPPER.writeValueAsString(json("overall", s.overall(), helper ? s.helperOverall() : null)));
            } else {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                ArrayNode sessions = root.putArray("sessions");
                s.sessions().forEach((k, v) -> sessions.add(json(k, v, helper ? s.helper(k) : null)));
                root.set("overall", json("overall", s.overall(), helper ? s.helperOverall() : null));
                if (helper) {
                    ArrayNode flagged = root.putArray("mi_inconsistent_turns");
                    for (SessionSummary.Flagged f : s.flagged()) {
                        ObjectNode t = flagged.addObject();
                        t.put("session", f.session());
                        t.put("where", f.where());
                        ArrayNode reasons = t.putArray("sentences");
                        f.reasons().forEach(r -> reasons.addObject().put("code", r.code()).put("rule", r.rule()).put("words", r.words()));
                    }
                }
                out.println(Fields.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
