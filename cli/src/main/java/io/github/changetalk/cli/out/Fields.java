package io.github.changetalk.cli.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.Evidence;
import io.github.changetalk.Notice;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.Veto;
import io.github.changetalk.cli.run.Processed;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an output record for the machine formats: the input's passthrough fields in input
 * order (one that clashes with a result field is renamed {@code input_NAME}, e.g. a gold {@code label}
 * column becomes {@code input_label}), then {@code label}, {@code direction}, {@code kind},
 * {@code sentences}, {@code notices} and, for records that failed, {@code error}.
 */
public final class Fields {
    public static final List<String> RESULT_FIELDS = List.of("label", "direction", "kind", "sentences", "notices", "error");
    private static final Set<String> RESERVED = Set.copyOf(RESULT_FIELDS);
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Fields() {
    }

    public static String outputName(String inputField) {
        return RESERVED.contains(inputField) ? "input_" + inputField : inputField;
    }

    /** The whole record as a JSON object. */
    public static ObjectNode toJson(Processed p, boolean explain) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, Object> e : p.input().fields().entrySet()) {
            o.set(outputName(e.getKey()), value(e.getValue()));
        }
        UtteranceResult r = p.result();
        o.put("label", r == null || r.label() == null ? null : r.label().id());
        o.put("direction", r == null || r.direction() == null ? null : r.direction().id());
        o.put("kind", r == null || r.kind() == null ? null : r.kind().id());
        o.set("sentences", sentences(r, explain));
        o.set("notices", notices(r == null ? List.of() : r.notices()));
        if (p.error() != null) {
            o.put("error", p.error());
        }
        return o;
    }

    static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof JsonNode n) {
            return n;
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        return NODES.textNode(v.toString());
    }

    static ArrayNode sentences(UtteranceResult r, boolean explain) {
        ArrayNode a = NODES.arrayNode();
        if (r == null) {
            return a;
        }
        for (SentenceResult s : r.sentences()) {
            ObjectNode o = a.addObject();
            o.put("text", s.text());
            o.put("label", s.label().id());
            o.put("direction", s.direction() == null ? null : s.direction().id());
            o.put("kind", s.kind() == null ? null : s.kind().id());
            o.put("rule", s.decidedBy());
            if (!s.notices().isEmpty()) {
                o.set("notices", notices(s.notices()));
            }
            if (explain) {
                o.put("parsed", s.parsed());
                ArrayNode fired = o.putArray("fired");
                for (Evidence e : s.evidence()) {
                    ObjectNode f = fired.addObject();
                    f.put("rule", e.rule());
                    f.put("label", e.label().id());
                    f.put("priority", e.priority());
                    f.put("pattern", e.pattern());
                    f.put("words", e.text());
                    f.put("begin", e.begin());
                    f.put("end", e.end());
                }
                ArrayNode vetoed = o.putArray("vetoed");
                for (Veto v : s.vetoed()) {
                    ObjectNode f = vetoed.addObject();
                    f.put("rule", v.rule());
                    f.put("by", v.by());
                    f.put("words", v.text());
                }
            }
        }
        return a;
    }

    static ArrayNode notices(List<Notice> notices) {
        ArrayNode a = NODES.arrayNode();
        for (Notice n : notices) {
            a.addObject().put("code", n.code()).put("detail", n.detail());
        }
        return a;
    }

    /** A JSON value as a CSV cell: strings as they are, null as empty, anything else as JSON. */
    static String cell(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }
}
