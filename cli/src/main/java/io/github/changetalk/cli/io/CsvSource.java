package io.github.changetalk.cli.io;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.changetalk.cli.CliException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180 quoting) or TSV (no quoting: a tab separates, a newline ends the row) with a header
 * row. One record per data row; empty lines are skipped (unless the header has a single column). A row with more or fewer cells than the header
 * is an error record; a quote left open runs to the end of the input, so it ends the file with one
 * error record naming the line where the field began.
 */
final class CsvSource implements RecordSource {
    private static final CsvMapper MAPPER = new CsvMapper();

    private final String source;
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
        this.parser = (CsvParser) MAPPER.getFactory().createParser(in);
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
            header = new ArrayList<>();
            for (String c : h.cells) {
                header.add(c.strip());
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
        if (r.cells.size() != header.size()) {
            return InputRecord.broken(source, r.line, fields, "row has " + r.cells.size() + " cells but the header has "
                    + header.size());
        }
        return Fields.record(source, r.line, fields, (String) fields.get(opt.textColumn()), opt);
    }

    private record Row(long line, List<String> cells, String error) {
    }

    private Row row() throws IOException {
        JsonToken t;
        try {
            t = parser.nextToken();
        } catch (StreamReadException e) {
            return new Row(parser.currentLocation().getLineNr(), List.of(), describe(e));
        }
        if (t == null) {
            return null;
        }
        long line = -1;
        List<String> cells = new ArrayList<>();
        try {
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    return new Row(line, cells, "unexpected end of input");
                }
                if (line < 0) {
                    line = parser.currentTokenLocation().getLineNr(); // the row's start token lags a line behind
                }
                cells.add(parser.getText());
            }
        } catch (StreamReadException e) {
            return new Row(line < 0 ? parser.currentLocation().getLineNr() : line, cells, describe(e));
        }
        if (cells.size() == 1 && cells.get(0).isEmpty() && (header == null || header.size() > 1)) {
            return row(); // an empty line: not a record
        }
        return new Row(line, cells, null);
    }

    private static String describe(StreamReadException e) {
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
