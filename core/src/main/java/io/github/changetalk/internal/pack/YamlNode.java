package io.github.changetalk.internal.pack;

import java.util.List;
import java.util.Map;

/** A YAML value that remembers its 1-based line, so that every pack error can name one. */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {
    int line();

    /** A short name of the node's type for error messages. */
    String typeName();

    record Mapping(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line) implements YamlNode {
        public String typeName() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public String typeName() {
            return "a list";
        }
    }

    /** A scalar; {@code value} is null for YAML null. */
    record Scalar(String value, int line) implements YamlNode {
        public String typeName() {
            return value == null ? "null" : "a scalar";
        }
    }
}
