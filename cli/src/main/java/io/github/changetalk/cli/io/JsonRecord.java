package io.github.changetalk.cli.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;

/**
 * Reads one JSON Lines value into a tree whose values pass through to the output unchanged. Jackson's
 * own tree turns numbers into doubles or longs ({@code 1e999999999} came out as {@code "Infinity"},
 * {@code 1.50} as {@code 1.5}); here a number keeps the text it was written with ({@link Number}). A
 * string or key escaping half a surrogate pair ({@code "\ud800"}), which no output encoding can write
 * (it came out as {@code ?}), has it replaced by U+FFFD, as invalid bytes are in text input. A key given
 * twice in one object (which would drop a value) makes the line invalid, as does anything after the value.
 */
final class JsonRecord {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRecord() {
    }

    /** The value on {@code line}; throws a JsonProcessingException (with Jackson's message) if it is not valid JSON. */
    static JsonNode read(String line) throws IOException {
        try (JsonParser p = FACTORY.createParser(line)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode value = value(p, first);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "more than one JSON value on the line");
            }
            return value;
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = wellFormed(p.currentName());
                    if (o.has(key)) {
                        throw new JsonParseException(p, "duplicate field '" + key + "'");
                    }
                    o.set(key, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken item; (item = p.nextToken()) != JsonToken.END_ARRAY; ) {
                    a.add(value(p, item));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(wellFormed(p.getText()));
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Number(p.getText(), t);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(p, "unexpected " + t);
        }
    }

    /** {@code s} with every unpaired surrogate replaced by U+FFFD. */
    static String wellFormed(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (b != null) {
                    b.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(lone ? '\uFFFD' : c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** A JSON number as written in the input, written back the same way. Immutable. */
    static final class Number extends ValueNode {
        private static final long serialVersionUID = 1L;
        private final String text;
        private final JsonToken token;

        Number(String text, JsonToken token) {
            this.text = text;
            this.token = token;
        }

        @Override
        public JsonToken asToken() {
            return token;
        }

        @Override
        public JsonNodeType getNodeType() {
            return JsonNodeType.NUMBER;
        }

        @Override
        public String asText() {
            return text;
        }

        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeNumber(text);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Number n && n.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }
}
