package io.github.changetalk.cli.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Lines: one JSON object per line, with a string {@code text} field; other fields pass through
 * as they are (numbers as written, see {@link JsonRecord}). Blank lines are not records. A line that is not valid JSON, not an object, or whose
 * text is missing or not a string is an error record naming its line.
 */
final class JsonLinesSource implements RecordSource {
    private final String source;
    private final LineReader in;
    private final ReadOptions opt;
    private long lineNo;

    JsonLinesSource(String source, BufferedReader in, ReadOptions opt) {
        this.source = source;
        this.in = new LineReader(in, Inputs.MAX_LINE_CHARS);
        this.opt = opt;
    }

    @Override
    public InputRecord next() throws IOException {
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (in.lastTruncated()) {
                return InputRecord.broken(source, lineNo, new LinkedHashMap<>(), "line longer than "
                        + Inputs.MAX_LINE_CHARS + " characters");
            }
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            JsonNode node;
            try {
                node = JsonRecord.read(line);
            } catch (JsonProcessingException e) {
                return InputRecord.broken(source, lineNo, fields, "not valid JSON: "
                        + String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " "));
            }
            if (node == null || !node.isObject()) {
                return InputRecord.broken(source, lineNo, fields, "not a JSON object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), e.getValue());
            }
            JsonNode text = node.get(opt.textColumn());
            if (text == null || text.isNull()) {
                return InputRecord.broken(source, lineNo, fields, "no '" + opt.textColumn() + "' field");
            }
            if (!text.isTextual()) {
                return InputRecord.broken(source, lineNo, fields, "'" + opt.textColumn() + "' is not a string");
            }
            return Fields.record(source, lineNo, fields, text.asText(), opt);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
