package io.github.changetalk.cli.out;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.cli.run.Processed;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * CSV (RFC 4180 quoting) or TSV (tabs and line breaks inside a value become spaces, as TSV has no
 * quoting), written with {@link CsvRows}. The header is the union of the inputs' fields, as far as they
 * are known before the first row (every CSV/TSV file's header, a text file's {@code file, line, speaker,
 * text}, a JSON Lines file's first object: see {@code Inputs.fieldNames}), in order of first
 * appearance, then the first record's own, then the result fields of the {@link Fields.Shape}; a record
 * from an input with other fields (say two JSON Lines objects of different shapes) has empty cells
 * where it has no value, and a field of its own that is not in the header is reported once and left
 * out. Structured values ({@code sentences}, {@code notices}, explanations) hold JSON.
 */
public final class DelimitedWriter implements RecordWriter {
    private final CsvRows rows;
    private final boolean explain;
    private final Fields.Shape shape;
    private final List<String> knownInputFields;
    private final Consumer<String> warn;
    private final Fields.Names names;
    private final Set<String> warned = new LinkedHashSet<>();
    /** Input field name to its column name, in column order; null until the header is written. */
    private Map<String, String> inputColumns;

    /**
     * {@code knownInputFields}: the input fields known before any record is read (may be empty);
     * {@code warn} is told of fields left out and of renamed input fields.
     */
    public DelimitedWriter(PrintWriter out, boolean tabs, boolean explain, Fields.Shape shape,
                           List<String> knownInputFields, Consumer<String> warn) {
        this.rows = new CsvRows(out, tabs);
        this.explain = explain;
        this.shape = shape;
        this.knownInputFields = List.copyOf(knownInputFields);
        this.warn = warn;
        this.names = new Fields.Names(warn, shape);
    }

    @Override
    public void write(Processed record) {
        Map<String, Object> input = record.input().fields();
        if (inputColumns == null) {
            Set<String> union = new LinkedHashSet<>(knownInputFields);
            union.addAll(input.keySet());
            inputColumns = names.of(union);
            List<String> header = new ArrayList<>(inputColumns.values());
            header.addAll(shape.resultFields(explain));
            rows.row(header);
        }
        for (String f : input.keySet()) {
            if (!inputColumns.containsKey(f) && warned.add(f)) {
                warn.accept(record.input().where() + ": field '" + f + "' is not in the output header"
                        + " (made from the inputs' headers and the first record); use --format jsonl to keep every field");
            }
        }
        for (ObjectNode o : Fields.records(record, shape, explain, names)) {
            List<String> cells = new ArrayList<>(inputColumns.size() + 8);
            for (String f : inputColumns.keySet()) {
                cells.add(input.containsKey(f) ? Fields.cell(Fields.value(input.get(f))) : "");
            }
            for (String f : shape.resultFields(explain)) {
                cells.add(Fields.cell(o.get(f)));
            }
            rows.row(cells);
        }
    }
}
