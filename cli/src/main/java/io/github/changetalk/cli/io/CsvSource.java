package io.github.changetalk.cli.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.changetalk.cli.CliException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV (RFC 4180 quoting) or TSV (no quoting: a tab separates, a newline ends the row) with a header
 * row. One record per data row; empty lines are skipped (unless the header has a single column). A row with more or fewer cells than the header
 * is an error record; a quote left open runs to the end of the input, so it ends the file with one
 * error record naming the line where the field began. A record longer than {@link Inputs#MAX_LINE_CHARS}
 * characters is an error record too, and reading goes on at the next one (see {@link RecordCap}).
 */
final class CsvSource implements RecordSource {
    private static final CsvMapper MAPPER = new CsvMapper();

    private final String source;
    private final RecordCap cap;
    private final CsvParser parser;
    private final ReadOptions opt;
    private List<String> header;
    private boolean done;

    CsvSource(String source, Reader in, boolean tabs, ReadOptions opt) throws IOException {
        this.source = source;
        this.opt = opt;
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(tabs ? '\t' : ',');
        if (tabs) {
            schema = schema.withoutQuoteChar();
        }
        // Records over the line limit are cut before the parser sees them (see RecordCap).
        this.cap = new RecordCap(in, Inputs.MAX_LINE_CHARS, tabs ? '\t' : ',', tabs ? 0 : '"');
        this.parser = (CsvParser) MAPPER.getFactory().createParser(cap);
        parser.setSchema(schema);
        // Without schema columns each row comes as an array of strings; the header is handled here.
    }

    @Override
    public InputRecord next() throws IOException {
        if (done) {
            return null;
        }
        if (header == null) {
            Row h = row();
            if (h == null) {
                done = true;
                return null;
            }
            if (h.error != null) {
                throw new CliException(CliException.FAILED, source + ":" + h.line + ": cannot read the CSV header: " + h.error);
            }
            if (h.cut) {
                throw new CliException(CliException.FAILED, source + ":" + h.line + ": cannot read the CSV header: " + TOO_LONG);
            }
            header = new ArrayList<>();
            Set<String> repeated = new LinkedHashSet<>();
            for (String c : h.cells) {
                String name = c.strip();
                if (header.contains(name)) {
                    repeated.add("'" + name + "'");
                }
                header.add(name);
            }
            if (!repeated.isEmpty()) {
                // Cells are passed through by column name: a second column of the same name would be lost.
                throw new CliException(CliException.USAGE, source + ":" + h.line + ": the header names "
                        + String.join(", ", repeated) + " more than once; give every column its own name");
            }
            if (!header.contains(opt.textColumn())) {
                throw new CliException(CliException.USAGE, source + ":" + h.line + ": no '" + opt.textColumn()
                        + "' column in the header (columns: " + String.join(", ", header)
                        + "; choose another with --text-column)");
            }
        }
        Row r = row();
        if (r == null) {
            done = true;
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (r.error != null) {
            done = true;
            return InputRecord.broken(source, r.line, fields, r.error);
        }
        for (int i = 0; i < Math.min(header.size(), r.cells.size()); i++) {
            fields.put(header.get(i), r.cells.get(i));
        }
        if (r.cut) {
            return InputRecord.broken(source, r.line, fields, TOO_LONG + " (the rest of it was read and dropped)");
        }
        if (r.cells.size() != header.size()) {
            return InputRecord.broken(source, r.line, fields, "row has " + r.cells.size() + " cells but the header has "
                    + header.size());
        }
        return Fields.record(source, r.line, fields, (String) fields.get(opt.textColumn()), opt);
    }

    private static final String TOO_LONG = "record longer than " + Inputs.MAX_LINE_CHARS + " characters";

    /** A row: the line it starts on in the file, its cells, what kept it from being read, whether it was cut. */
    private record Row(long line, List<String> cells, String error, boolean cut) {
    }

    /** The line in the file of a position in what the parser read (line breaks of cut records are not in it). */
    private long lineAt(JsonLocation where) {
        return where.getLineNr() + cap.droppedLinesBefore(where.getCharOffset());
    }

    private Row row() throws IOException {
        JsonToken t;
        try {
            t = parser.nextToken();
        } catch (JsonProcessingException e) {
            return new Row(lineAt(parser.currentLocation()), List.of(), describe(e), false);
        }
        if (t == null) {
            return null;
        }
        long line = -1;
        long start = -1;
        List<String> cells = new ArrayList<>();
        try {
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    return new Row(line, cells, "unexpected end of input", false);
                }
                if (line < 0) {
                    JsonLocation at = parser.currentTokenLocation(); // the row's start token lags a line behind
                    start = at.getCharOffset();
                    line = lineAt(at);
                }
                cells.add(parser.getText());
            }
        } catch (JsonProcessingException e) {
            return new Row(line < 0 ? lineAt(parser.currentLocation()) : line, cells, describe(e), false);
        }
        if (cells.size() == 1 && cells.get(0).isEmpty() && (header == null || header.size() > 1)) {
            return row(); // an empty line: not a record
        }
        return new Row(line, cells, null, cap.cutWithin(start, parser.currentLocation().getCharOffset()));
    }

    private static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m != null && m.toLowerCase().contains("closing quote")) {
            return "a quoted field is never closed (unbalanced quote)";
        }
        return "malformed CSV: " + (m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " "));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
