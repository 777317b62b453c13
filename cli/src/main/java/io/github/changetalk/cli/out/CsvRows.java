package io.github.changetalk.cli.out;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Rows of CSV or TSV written with Jackson's CSV module, the library that reads CSV input: RFC 4180
 * quoting in CSV (a value holding a comma, quote or line break is quoted, quotes doubled); TSV has no
 * quoting, so a tab or line break inside a value becomes a space. Each row is handed to the
 * underlying writer as soon as it is written (not flushed through to the file: the pipeline flushes
 * when it has caught up), so a slow stream gets every row in time.
 */
public final class CsvRows {
    private static final CsvMapper MAPPER = new CsvMapper();

    static {
        // The generator's flush hands its buffer to our writer; flushing the writer is the pipeline's job.
        MAPPER.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        MAPPER.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // Quote a value only when it must be (a separator, quote or line break in it), as RFC 4180 writers do.
        MAPPER.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    }

    private final boolean tabs;
    private final SequenceWriter rows;

    public CsvRows(PrintWriter out, boolean tabs) {
        this.tabs = tabs;
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\n");
        if (tabs) {
            schema = schema.withColumnSeparator('\t').withoutQuoteChar().withoutEscapeChar();
        }
        try {
            this.rows = MAPPER.writer(schema).writeValues(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(List<String> cells) {
        String[] values = new String[cells.size()];
        for (int i = 0; i < values.length; i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            values[i] = tabs ? c.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ') : c;
        }
        try {
            rows.write(values);
            rows.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
