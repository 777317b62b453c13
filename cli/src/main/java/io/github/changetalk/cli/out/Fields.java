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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The fields of an output record for the machine formats: the input's passthrough fields in input
 * order (one that clashes with a result field is renamed {@code input_NAME}, e.g. a gold {@code label}
 * column becomes {@code input_label}; see {@link Names}), then {@code label}, {@code direction}, {@code kind},
 * {@code sentences}, {@code notices} and, for records that failed, {@code error}.
 */
public final class Fields {
    public static final List<String> RESULT_FIELDS = List.of("label", "direction", "kind", "sentences", "notices", "error");
    private static final Set<String> RESERVED = Set.copyOf(RESULT_FIELDS);
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Fields() {
    }

    /**
     * The output names of a record's input fields: each keeps its name, but one named like a result
     * field becomes {@code input_NAME}, or, when the input has a field of that name too,
     * {@code input_NAME_2} (then {@code _3}...): no input value is ever written over. Such a second choice is
     * reported once, through {@code warn}. One instance per output; remembers the last record's names
     * (records of one file share them).
     */
    public static final class Names {
        private final Consumer<String> warn;
        private final Set<String> reported = new HashSet<>();
        private List<String> lastInput = List.of();
        private Map<String, String> lastOutput = Map.of();

        public Names(Consumer<String> warn) {
            this.warn = warn;
        }

        Map<String, String> of(Set<String> input) {
            if (!sameAsLast(input)) {
                lastInput = List.copyOf(input);
                lastOutput = rename(input);
            }
            return lastOutput;
        }

        private boolean sameAsLast(Set<String> input) {
            if (input.size() != lastInput.size()) {
                return false;
            }
            int i = 0;
            for (String name : input) {
                if (!name.equals(lastInput.get(i++))) {
                    return false;
                }
            }
            return true;
        }

        private Map<String, String> rename(Set<String> input) {
            Set<String> taken = new HashSet<>(RESERVED);
            for (String name : input) {
                if (!RESERVED.contains(name)) {
                    taken.add(name);
                }
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (String name : input) {
                if (!RESERVED.contains(name)) {
                    out.put(name, name);
                    continue;
                }
                String wanted = "input_" + name;
                String free = wanted;
                for (int n = 2; taken.contains(free); n++) {
                    free = wanted + "_" + n;
                }
                taken.add(free);
                out.put(name, free);
                if (!free.equals(wanted) && reported.add(name + " " + free)) {
                    warn.accept("input field '" + name + "' is written as '" + free + "' ('" + wanted
                            + "' is an input field too, and '" + name + "' is a result field)");
                }
            }
            return out;
        }
    }

    /**
     * The whole record as a JSON object, for a caller with no channel to report a second-choice name
     * on: fields are renamed exactly as by {@link #toJson(Processed, boolean, Names)}, silently.
     */
    public static ObjectNode toJson(Processed p, boolean explain) {
        return toJson(p, explain, new Names(m -> { }));
    }

    /** The whole record as a JSON object; input fields named like result fields are renamed by {@code names}. */
    public static ObjectNode toJson(Processed p, boolean explain, Names names) {
        ObjectNode o = NODES.objectNode();
        Map<String, String> renamed = names.of(p.input().fields().keySet());
        for (Map.Entry<String, Object> e : p.input().fields().entrySet()) {
            o.set(renamed.get(e.getKey()), value(e.getValue()));
        }
        UtteranceResult r = p.result();
        o.put("label", r == null || r.label() == null ? null : r.label().id());
        o.put("direction", r == null || r.direction() == null ? null : r.direction().id());
        o.put("kind", r == null || r.kind() == null ? null : r.kind().id());
        o.set("sentences", sentences(r, explain));
        if (explain && r != null && r.weighing() != null) {
            o.set("weights", weighing(r.weighing()));
        }
        o.set("notices", notices(r == null ? List.of() : r.notices()));
        if (p.error() != null) {
            o.put("error", p.error());
        }
        return o;
    }

    /** How the evidence weights decided: the file, each direction's score, the bias and each feature's weight toward the decision. */
    static ObjectNode weighing(io.github.changetalk.Weighing w) {
        ObjectNode o = NODES.objectNode();
        o.put("file", w.weights());
        o.put("direction", w.direction().id());
        ObjectNode scores = o.putObject("scores");
        for (io.github.changetalk.Direction d : io.github.changetalk.Direction.values()) {
            scores.put(d.id(), round(w.scores().get(d)));
        }
        o.put("bias", round(w.bias()));
        com.fasterxml.jackson.databind.node.ArrayNode features = o.putArray("features");
        for (io.github.changetalk.Weighing.FeatureWeight f : w.features()) {
            features.addObject().put("feature", f.feature()).put("weight", round(f.weight()));
        }
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** A weight as text: signed, four decimals at most. */
    static String weight(double v) {
        return (v >= 0 ? "+" : "") + round(v);
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
