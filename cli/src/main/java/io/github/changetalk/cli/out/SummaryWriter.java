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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link SessionSummary}: an aligned table, CSV/TSV rows, or JSON. */
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

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("session"));
        for (Label l : Label.values()) {
            h.add(l.id());
        }
        h.addAll(List.of("change_talk", "sustain_talk", "ct_share"));
        return h;
    }

    private static List<String> row(String name, SessionSummary.Counts c) {
        List<String> r = new ArrayList<>(List.of(name));
        for (Label l : Label.values()) {
            r.add(Long.toString(c.count(l)));
        }
        r.add(Long.toString(c.changeTalk()));
        r.add(Long.toString(c.sustainTalk()));
        r.add(Double.isNaN(c.share()) ? "" : String.format(Locale.ROOT, "%.3f", c.share()));
        return r;
    }

    private static void table(PrintWriter out, SessionSummary s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header());
        for (Map.Entry<String, SessionSummary.Counts> e : s.sessions().entrySet()) {
            rows.add(row(e.getKey(), e.getValue()));
        }
        rows.add(row("overall", s.overall()));
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
        List<List<String>> rows = new ArrayList<>();
        rows.add(header());
        s.sessions().forEach((k, v) -> rows.add(row(k, v)));
        rows.add(row("overall", s.overall()));
        for (List<String> r : rows) {
            out.println(String.join(tabs ? "\t" : ",", r.stream()
                    .map(c -> tabs ? DelimitedWriter.tsv(c) : DelimitedWriter.csv(c)).toList()));
        }
    }

    /** One session's counts as JSON. */
    public static ObjectNode json(String session, SessionSummary.Counts c) {
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
        return o;
    }

    private static void json(PrintWriter out, SessionSummary s, boolean lines) {
        try {
            if (lines) {
                for (Map.Entry<String, SessionSummary.Counts> e : s.sessions().entrySet()) {
                    out.println(Fields.MAPPER.writeValueAsString(json(e.getKey(), e.getValue())));
                }
                out.println(Fields.MAPPER.writeValueAsString(json("overall", s.overall())));
            } else {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                ArrayNode sessions = root.putArray("sessions");
                s.sessions().forEach((k, v) -> sessions.add(json(k, v)));
                root.set("overall", json("overall", s.overall()));
                out.println(Fields.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
