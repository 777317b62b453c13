package io.github.changetalk.cli.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Evidence;
import io.github.changetalk.Notice;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.Veto;
import io.github.changetalk.cli.run.Processed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The fields of an output record for the machine formats. A record is one input record ({@link Shape#TURNS})
 * or, with {@code --per-sentence}, one sentence of it ({@link Shape#SENTENCES}). Either way it holds the
 * input's fields first, in input order and with the values the input gave (CSV cells as strings, JSON
 * values with their JSON type; one that clashes with a result field is renamed {@code input_NAME}, e.g. a
 * gold {@code label} column becomes {@code input_label}; see {@link Names}), then the shape's result
 * fields ({@code coding} is a counselor turn's helper-side coding, else null). Every field a record may carry beyond its input's is named in {@link Shape#resultFields}, which
 * the CSV header is made of: a new result field is added there and in the method that fills it.
 */
public final class Fields {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Fields() {
    }

    /** What one output record stands for. */
    public enum Shape {
        /** One record per input record: the turn's label, its deciding rule, and its sentences. */
        TURNS(List.of("label", "direction", "kind", "rule", "sentences", "notices", "coding", "error"), List.of("weights")),
        /**
         * One record per sentence of a turn ({@code --per-sentence}): its number in the turn (from 1),
         * text, label and deciding rule; a turn without sentences (a counselor turn, an error, an empty
         * line) is one record with these empty.
         */
        SENTENCES(List.of("sentence", "sentence_text", "label", "direction", "kind", "rule", "notices", "error"),
                List.of("parsed", "fired", "vetoed"));

        private final List<String> fields;
        private final List<String> explainFields;

        Shape(List<String> fields, List<String> explainFields) {
            this.fields = fields;
            this.explainFields = explainFields;
        }

        /** The fields a record of this shape adds after the input's, in output order. */
        public List<String> resultFields(boolean explain) {
            if (!explain || explainFields.isEmpty()) {
                return fields;
            }
            List<String> all = new ArrayList<>(fields.subList(0, fields.indexOf("notices")));
            all.addAll(explainFields);
            all.addAll(fields.subList(fields.indexOf("notices"), fields.size()));
            return List.copyOf(all);
        }

        /** Names an input field may not keep: it would be taken for a result field. */
        Set<String> reserved() {
            Set<String> r = new HashSet<>(fields);
            r.addAll(explainFields);
            return Set.copyOf(r);
        }
    }

    /**
     * The output names of input fields: each keeps its name, but one named like a result field (or another
     * reserved name) becomes {@code input_NAME}, or, when the input has a field of that name too,
     * {@code input_NAME_2} (then {@code _3}...): no input value is ever written over. Such a second
     * choice is reported once, through {@code warn}. One instance per output; remembers the last set of
     * names asked for (records of one file share them).
     */
    public static final class Names {
        private final Consumer<String> warn;
        private final Set<String> reserved;
        private final Set<String> reported = new HashSet<>();
        private List<String> lastInput = List.of();
        private Map<String, String> lastOutput = Map.of();

        /** For records of this shape: its result fields are the names an input field may not keep. */
        public Names(Consumer<String> warn, Shape shape) {
            this(warn, shape.reserved());
        }

        private Names(Consumer<String> warn, Set<String> reserved) {
            this.warn = warn;
            this.reserved = reserved;
        }

        /** Input name to output name, for this set of input names, in their order. */
        Map<String, String> of(Collection<String> input) {
            if (!sameAsLast(input)) {
                lastInput = List.copyOf(input);
                lastOutput = rename(input);
            }
            return lastOutput;
        }

        private boolean sameAsLast(Collection<String> input) {
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

        private Map<String, String> rename(Collection<String> input) {
            Set<String> taken = new HashSet<>(reserved);
            for (String name : input) {
                if (!reserved.contains(name)) {
                    taken.add(name);
                }
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (String name : input) {
                if (!reserved.contains(name)) {
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

    /** The output records of one input record in this shape: one for {@link Shape#TURNS}, one per sentence for {@link Shape#SENTENCES}. */
    public static List<ObjectNode> records(Processed p, Shape shape, boolean explain, Names names) {
        return shape == Shape.TURNS ? List.of(toJson(p, explain, names)) : perSentence(p, explain, names);
    }

    /** The whole record as a JSON object; input fields named like result fields are renamed by {@code names}. */
    public static ObjectNode toJson(Processed p, boolean explain, Names names) {
        ObjectNode o = inputFields(p, names);
        UtteranceResult r = p.result();
        o.put("label", r == null || r.label() == null ? null : r.label().id());
        o.put("direction", r == null || r.direction() == null ? null : r.direction().id());
        o.put("kind", r == null || r.kind() == null ? null : r.kind().id());
        o.put("rule", r == null ? null : r.decidingRule());
        ArrayNode sentences = o.putArray("sentences");
        if (r != null) {
            r.sentences().forEach(s -> sentence(sentences.addObject(), s, explain, true));
        }
        if (explain && r != null && r.weighing() != null) {
            o.set("weights", weighing(r.weighing()));
        }
        o.set("notices", notices(r == null ? List.of() : r.notices()));
        o.set("coding", r == null || r.coding() == null ? NODES.nullNode() : coding(r.coding(), explain));
        if (p.error() != null) {
            o.put("error", p.error());
        }
        return o;
    }

    /**
     * The record as one JSON object per sentence ({@link Shape#SENTENCES}): the input fields, then the
     * sentence's number, text, label and rule; the turn's own notices (truncated, empty...) are on every
     * sentence's record, with the sentence's. A turn without sentences is one record.
     */
    public static List<ObjectNode> perSentence(Processed p, boolean explain, Names names) {
        UtteranceResult r = p.result();
        List<SentenceResult> sentences = r == null ? List.of() : r.sentences();
        List<Notice> turnNotices = new ArrayList<>(r == null ? List.of() : r.notices());
        sentences.forEach(s -> turnNotices.removeAll(s.notices()));
        List<ObjectNode> rows = new ArrayList<>(Math.max(1, sentences.size()));
        for (int i = 0; i < Math.max(1, sentences.size()); i++) {
            ObjectNode o = inputFields(p, names);
            List<Notice> notices = new ArrayList<>(turnNotices);
            if (sentences.isEmpty()) {
                o.putNull("sentence");
                o.putNull("sentence_text");
                o.putNull("label");
                o.putNull("direction");
                o.putNull("kind");
                o.putNull("rule");
                if (r != null && r.label() != null) {
                    o.put("label", r.label().id()); // an empty turn is neutral, by no rule
                    o.put("direction", r.direction() == null ? null : r.direction().id());
                }
            } else {
                SentenceResult s = sentences.get(i);
                o.put("sentence", i + 1);
                o.put("sentence_text", s.text());
                sentence(o, s, explain, false);
                notices.addAll(s.notices());
            }
            o.set("notices", notices(notices));
            if (p.error() != null) {
                o.put("error", p.error());
            }
            rows.add(o);
        }
        return rows;
    }

    /** The input's fields, renamed where they clash with result fields. */
    private static ObjectNode inputFields(Processed p, Names names) {
        ObjectNode o = NODES.objectNode();
        Map<String, String> renamed = names.of(p.input().fields().keySet());
        for (Map.Entry<String, Object> e : p.input().fields().entrySet()) {
            o.set(renamed.get(e.getKey()), value(e.getValue()));
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

    /**
     * A sentence's label fields into {@code o}: {@code text} too when it is an item of a turn's
     * {@code sentences} list (a per-sentence record has its own {@code sentence_text}), and its notices
     * there (a per-sentence record gathers them with the turn's); with {@code explain}, the rules that
     * fired and were vetoed.
     */
    private static void sentence(ObjectNode o, SentenceResult s, boolean explain, boolean item) {
        if (item) {
            o.put("text", s.text());
        }
        o.put("label", s.label().id());
        o.put("direction", s.direction() == null ? null : s.direction().id());
        o.put("kind", s.kind() == null ? null : s.kind().id());
        o.put("rule", s.decidedBy());
        if (item && !s.notices().isEmpty()) {
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

    /**
     * A counselor turn's coding: its behaviour and MISC code, the MI-inconsistent flag, open/closed and
     * simple/complex, permission, the deciding rule, the act the client answers, the talk it carries in the
     * client's voice, and each sentence with its code and rule (with {@code explain}, every rule that fired
     * and its words).
     */
    static ObjectNode coding(CounselorCoding c, boolean explain) {
        ObjectNode o = NODES.objectNode();
        o.put("behaviour", c.behaviour().id());
        o.put("code", c.code().id());
        o.put("mi_inconsistent", c.miInconsistent());
        o.put("question", c.questionKind() == null ? null : c.questionKind().id());
        o.put("reflection", c.reflectionKind() == null ? null : c.reflectionKind().id());
        o.put("permission", c.permission().id());
        o.put("rule", c.decidedBy());
        if (c.answered() == null) {
            o.putNull("answered");
        } else {
            CounselorCoding.Answered a = c.answered();
            ObjectNode n = o.putObject("answered");
            n.put("sentence", a.sentence());
            n.put("code", a.code().id());
            n.put("rule", a.rule());
            n.put("function", a.function() == null ? null : a.function().id());
            n.put("asks", a.asks() == null ? null : a.asks().id());
            n.put("dimension", a.dimension() == null ? null : a.dimension().id());
        }
        if (c.reflected() == null) {
            o.putNull("reflected");
        } else {
            CounselorCoding.ReflectedTalk t = c.reflected();
            o.putObject("reflected").put("label", t.label().id()).put("direction", t.direction().id())
                    .put("kind", t.kind() == null ? null : t.kind().id()).put("rule", t.rule()).put("words", t.words());
        }
        ArrayNode sentences = o.putArray("sentences");
        for (CounselorCoding.Sentence s : c.sentences()) {
            ObjectNode n = sentences.addObject();
            n.put("text", s.text());
            n.put("code", s.code() == null ? null : s.code().id());
            n.put("rule", s.decidedBy());
            n.put("function", s.function() == null ? null : s.function().id());
            n.put("asks", s.asks() == null ? null : s.asks().id());
            n.put("dimension", s.dimension() == null ? null : s.dimension().id());
            if (explain) {
                ArrayNode fired = n.putArray("fired");
                for (Evidence e : s.evidence()) {
                    fired.addObject().put("rule", e.rule()).put("pattern", e.pattern()).put("words", e.text())
                            .put("begin", e.begin()).put("end", e.end());
                }
                if (c.weighing() != null) {
                    CounselorCoding.SentenceWeighing w = c.weighing().sentences().get(s.index());
                    ObjectNode weights = n.putObject("weights");
                    weights.put("words", w.words());
                    ObjectNode p = weights.putObject("probabilities");
                    for (io.github.changetalk.Behaviour b : io.github.changetalk.Behaviour.values()) {
                        p.put(b.id(), round(w.probabilities().get(b)));
                    }
                    weights.put("bias", round(w.bias()));
                    ArrayNode features = weights.putArray("features");
                    for (io.github.changetalk.Weighing.FeatureWeight f : w.features()) {
                        features.addObject().put("feature", f.feature()).put("weight", round(f.weight()));
                    }
                }
            }
        }
        if (explain && c.weighing() != null) {
            ObjectNode w = o.putObject("weights");
            w.put("file", c.weighing().weights());
            w.put("behaviour", c.weighing().behaviour().id());
            ObjectNode scores = w.putObject("scores");
            for (io.github.changetalk.Behaviour b : io.github.changetalk.Behaviour.values()) {
                scores.put(b.id(), round(c.weighing().scores().get(b)));
            }
        }
        return o;
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
