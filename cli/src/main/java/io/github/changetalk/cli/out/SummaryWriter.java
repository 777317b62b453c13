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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link SessionSummary}: an aligned table, CSV/TSV rows, or JSON. Every format is made from
 * the same rows, built in one place ({@link #row}): a new summary figure is added there. A row is one
 * session's ({@code scope} {@code session}) or, last, the total over all sessions ({@code scope}
 * {@code total}, its {@code session} empty in CSV/TSV and null in JSON, {@code overall} in the table),
 * so that the total is never taken for one more session. When counselor turns were coded, every row adds
 * the helper scores ({@link HelperScores}, docs/helper-scores.md) after the client figures, and the text
 * format prints them as their own tables and lists the MI-inconsistent turns with the words that decided
 * them. An undefined ratio is empty in CSV/TSV, null in JSON and n/a in text.
 */
public final class SummaryWriter {
    /** The {@code scope} of a row: one session, or the total over all of them. */
    static final String SESSION = "session";
    static final String TOTAL = "total";

    private SummaryWriter() {
    }

    public static void write(PrintWriter out, SessionSummary summary, OutputFormat format) {
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean helper = summary.helperCoded();
        summary.sessions().forEach((name, counts) -> rows.add(row(name, counts, false,
                helper ? summary.helper(name) : null)));
        rows.add(row(null, summary.overall(), true, helper ? summary.helperOverall() : null));
        switch (format) {
            case TEXT -> {
                table(out, rows);
                if (helper) {
                    helperTables(out, summary);
                }
            }
            case CSV, TSV -> delimited(out, rows, format == OutputFormat.TSV);
            case JSON, JSONL -> json(out, summary, rows, format == OutputFormat.JSONL);
            case HTML -> throw new IllegalStateException("an html summary is written by HtmlWriter");
        }
    }

    /**
     * One summary row, in output order: {@code session} (null for the total), {@code scope}, each
     * label's count, {@code change_talk}, {@code sustain_talk} and {@code ct_share} (null when the
     * session has neither change nor sustain talk); then, when {@code helper} is not null, the helper
     * scores: {@code helper_turns}, the count of each MISC code and each score with its MITI band.
     */
    static Map<String, Object> row(String session, SessionSummary.Counts c, boolean total, HelperScores helper) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("session", total ? null : session);
        r.put("scope", total ? TOTAL : SESSION);
        for (Label l : Label.values()) {
            r.put(l.id(), c.count(l));
        }
        r.put("change_talk", c.changeTalk());
        r.put("sustain_talk", c.sustainTalk());
        r.put("ct_share", Double.isNaN(c.share()) ? null : c.share());
        if (helper != null) {
            r.put("helper_turns", helper.turns());
            for (MiscCode code : MiscCode.values()) {
                r.put(code.id(), helper.count(code));
            }
            r.put("reflection_to_question", defined(helper.reflectionToQuestion()));
            r.put("reflection_to_question_band", helper.reflectionToQuestionBand() == null ? null
                    : helper.reflectionToQuestionBand().id());
            r.put("complex_reflection_share", defined(helper.complexReflectionShare()));
            r.put("complex_reflection_band", helper.complexReflectionBand() == null ? null
                    : helper.complexReflectionBand().id());
            r.put("open_question_share", defined(helper.openQuestionShare()));
            r.put("mi_inconsistent", helper.miInconsistent());
            r.put("mi_consistent_share", defined(helper.miConsistentShare()));
            r.put("mi_adherence", defined(helper.miAdherence()));
        }
        return r;
    }

    /** The helper columns, which the text table leaves to the helper tables. */
    private static boolean helperColumn(String name) {
        return name.equals("helper_turns") || name.startsWith("reflection_to_question") || name.startsWith("complex_reflection")
                || name.equals("open_question_share") || name.startsWith("mi_") || isCode(name);
    }

    private static boolean isCode(String name) {
        return java.util.Arrays.stream(MiscCode.values()).anyMatch(c -> c.id().equals(name));
    }

    private static Double defined(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Three decimals, or {@code undefined} for NaN. */
    static String number(double v, String undefined) {
        return Double.isNaN(v) ? undefined : String.format(Locale.ROOT, "%.3f", v);
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


    /** A value as text: shares to three decimals, null as empty. */
    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v.toString();
    }

    /** The table leaves out {@code scope} (its total row is called {@code overall}) and the helper columns. */
    private static void table(PrintWriter out, List<Map<String, Object>> rows) {
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(rows.get(0).keySet());
        header.removeIf(h -> h.equals("scope") || helperColumn(h));
        cells.add(header);
        for (Map<String, Object> r : rows) {
            List<String> line = new ArrayList<>();
            for (String h : header) {
                line.add(h.equals("session") && TOTAL.equals(r.get("scope")) ? "overall" : text(r.get(h)));
            }
            cells.add(line);
        }
        align(out, cells);
    }

    private static void delimited(PrintWriter out, List<Map<String, Object>> rows, boolean tabs) {
        CsvRows csv = new CsvRows(out, tabs);
        csv.row(new ArrayList<>(rows.get(0).keySet()));
        for (Map<String, Object> r : rows) {
            csv.row(r.values().stream().map(SummaryWriter::text).toList());
        }
    }

    /** A row as JSON; the helper columns go under {@code helper} (its counts per code under {@code codes}). */
    private static ObjectNode json(Map<String, Object> row) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ObjectNode helper = null;
        ObjectNode codes = null;
        for (Map.Entry<String, Object> e : row.entrySet()) {
            String k = e.getKey();
            if (!helperColumn(k)) {
                o.set(k, Fields.MAPPER.valueToTree(e.getValue()));
                continue;
            }
            if (helper == null) {
                helper = o.putObject("helper");
            }
            if (k.equals("helper_turns")) {
                helper.set("turns", Fields.MAPPER.valueToTree(e.getValue()));
            } else if (isCode(k)) {
                if (codes == null) {
                    codes = helper.putObject("codes");
                }
                codes.set(k, Fields.MAPPER.valueToTree(e.getValue()));
            } else {
                helper.set(k, Fields.MAPPER.valueToTree(e.getValue()));
            }
        }
        return o;
    }

    private static void json(PrintWriter out, SessionSummary s, List<Map<String, Object>> rows, boolean lines) {
        try {
            if (lines) {
                for (Map<String, Object> r : rows) {
                    out.println(Fields.MAPPER.writeValueAsString(json(r)));
                }
            } else {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                ArrayNode sessions = root.putArray("sessions");
                rows.subList(0, rows.size() - 1).forEach(r -> sessions.add(json(r)));
                root.set("overall", json(rows.get(rows.size() - 1)));
                if (s.helperCoded()) {
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
