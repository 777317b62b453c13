package io.github.changetalk.cli.out;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.Label;
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
 * so that the total is never taken for one more session.
 */
public final class SummaryWriter {
    /** The {@code scope} of a row: one session, or the total over all of them. */
    static final String SESSION = "session";
    static final String TOTAL = "total";

    private SummaryWriter() {
    }

    public static void write(PrintWriter out, SessionSummary summary, OutputFormat format) {
        List<Map<String, Object>> rows = new ArrayList<>();
        summary.sessions().forEach((name, counts) -> rows.add(row(name, counts, false)));
        rows.add(row(null, summary.overall(), true));
        switch (format) {
            case TEXT -> table(out, rows);
            case CSV, TSV -> delimited(out, rows, format == OutputFormat.TSV);
            case JSON, JSONL -> json(out, rows, format == OutputFormat.JSONL);
            case HTML -> throw new IllegalStateException("an html summary is written by HtmlWriter");
        }
    }

    /**
     * One summary row, in output order: {@code session} (null for the total), {@code scope}, each
     * label's count, {@code change_talk}, {@code sustain_talk} and {@code ct_share} (null when the
     * session has neither change nor sustain talk).
     */
    static Map<String, Object> row(String session, SessionSummary.Counts c, boolean total) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("session", total ? null : session);
        r.put("scope", total ? TOTAL : SESSION);
        for (Label l : Label.values()) {
            r.put(l.id(), c.count(l));
        }
        r.put("change_talk", c.changeTalk());
        r.put("sustain_talk", c.sustainTalk());
        r.put("ct_share", Double.isNaN(c.share()) ? null : c.share());
        return r;
    }

    /** A value as text: shares to three decimals, null as empty. */
    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v.toString();
    }

    /** The table leaves out {@code scope}: its total row is called {@code overall}. */
    private static void table(PrintWriter out, List<Map<String, Object>> rows) {
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(rows.get(0).keySet());
        header.remove("scope");
        cells.add(header);
        for (Map<String, Object> r : rows) {
            List<String> line = new ArrayList<>();
            for (String h : header) {
                line.add(h.equals("session") && TOTAL.equals(r.get("scope")) ? "overall" : text(r.get(h)));
            }
            cells.add(line);
        }
        int[] width = new int[header.size()];
        for (List<String> r : cells) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        for (List<String> r : cells) {
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

    private static void delimited(PrintWriter out, List<Map<String, Object>> rows, boolean tabs) {
        CsvRows csv = new CsvRows(out, tabs);
        csv.row(new ArrayList<>(rows.get(0).keySet()));
        for (Map<String, Object> r : rows) {
            csv.row(r.values().stream().map(SummaryWriter::text).toList());
        }
    }

    private static ObjectNode json(Map<String, Object> row) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        row.forEach((k, v) -> o.set(k, Fields.MAPPER.valueToTree(v)));
        return o;
    }

    private static void json(PrintWriter out, List<Map<String, Object>> rows, boolean lines) {
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
                out.println(Fields.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
