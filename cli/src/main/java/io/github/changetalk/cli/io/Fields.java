package io.github.changetalk.cli.io;

import io.github.changetalk.Speaker;
import java.util.Map;

/** Turns a CSV row or JSON object (as ordered fields) into a record: the text, speaker, session and topic. */
final class Fields {
    private Fields() {
    }

    /** {@code text} is the already-extracted text; the other values are looked up by column name. */
    static InputRecord record(String source, long line, Map<String, Object> fields, String text, ReadOptions opt) {
        String speakerValue = string(fields, opt.speakerColumn());
        Speaker speaker = Speaker.CLIENT;
        if (speakerValue != null && !speakerValue.isBlank()) {
            speaker = opt.speakers().of(speakerValue);
            if (speaker == null) {
                return InputRecord.broken(source, line, fields, "unknown speaker '" + speakerValue
                        + "' in column " + opt.speakerColumn() + " (see --client-tags and --counselor-tags)");
            }
        }
        String session = string(fields, opt.sessionColumn());
        String topic = string(fields, opt.topicColumn());
        return new InputRecord(source, line, fields, text, speaker,
                session == null || session.isEmpty() ? source : session,
                topic == null || topic.isBlank() ? null : topic, null);
    }

    /** A field as a string: CSV cells are strings already; JSON scalars give their text, null and missing give null. */
    static String string(Map<String, Object> fields, String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
            return n.isNull() || n.isMissingNode() ? null : n.isValueNode() ? n.asText() : n.toString();
        }
        return v.toString();
    }
}
