package io.github.changetalk.cli.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.cli.run.Processed;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * CSV (RFC 4180 quoting) or TSV (tabs and line breaks inside a value become spaces, as TSV has no
 * quoting). The header is the first record's fields followed by the result fields; a later record's
 * extra fields (from another input file with other columns) are reported once and left out.
 * {@code sentences} and {@code notices} hold JSON.
 */
public final class DelimitedWriter implements RecordWriter {
    private final PrintWriter out;
    private final boolean tabs;
    private final boolean explain;
    private final Consumer<String> warn;
    private List<String> header;
    private final Set<String> warned = new LinkedHashSet<>();
    private final Fields.Names names;

    public DelimitedWriter(PrintWriter out, boolean tabs, boolean explain, Consumer<String> warn) {
        this.out = out;
        this.tabs = tabs;
        this.explain = explain;
        this.warn = warn;
        this.names = new Fields.Names(warn);
    }

    @Override
    public void write(Processed record) {
        ObjectNode o = Fields.toJson(record, explain, names);
        if (header == null) {
            header = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!Fields.RESULT_FIELDS.contains(f)) {
                    header.add(f);
                }
            }
            header.addAll(Fields.RESULT_FIELDS);
            row(header);
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!header.contains(f) && warned.add(f)) {
                warn.accept(record.input().where() + ": field '" + f + "' is not in the output header"
                        + " (set by the first record); use --format jsonl to keep every field");
            }
        }
        List<String> cells = new ArrayList<>(header.size());
        for (String h : header) {
            JsonNode v = o.get(h);
            cells.add(Fields.cell(v));
        }
        row(cells);
    }

    private void row(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(tabs ? '\t' : ',');
            }
            b.append(tabs ? tsv(cells.get(i)) : csv(cells.get(i)));
        }
        out.print(b.append('\n'));
    }

    static String csv(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static String tsv(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
