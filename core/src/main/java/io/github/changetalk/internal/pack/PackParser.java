package io.github.changetalk.internal.pack;

import io.github.changetalk.Band;
import io.github.changetalk.Behaviour;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.MiscCode;
import io.github.changetalk.Speaker;
import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.RulePackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one pack's YAML into a {@link PackSpec}, checking its shape: known keys only, right types,
 * valid ids, labels and lexicon names, at least two matching and one non-matching example per rule.
 * Patterns are compiled later, by {@code RuleCompiler}.
 */
public final class PackParser {
    public static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
    public static final Pattern LEXICON_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
    /** Letters, digits, apostrophes, hyphens, periods and spaces: what a spoken word or phrase needs, and nothing a regex could misread. */
    public static final Pattern LEXICON_ENTRY = Pattern.compile("[\\p{L}\\p{N}'’.\\- ]+");
    public static final int MIN_MATCH_EXAMPLES = 2;
    public static final int MIN_NOMATCH_EXAMPLES = 1;

    private static final Set<String> PACK_KEYS = Set.of("pack", "description", "target", "aliases", "lexicons", "macros",
            "rules", "speaker", "direction");
    private static final Set<String> RULE_KEYS = Set.of("id", "kind", "direction", "neutral", "priority",
            "overrides", "description", "patterns", "unless", "context", "examples", "echo", "after", "targets");
    private static final Set<String> COUNSELOR_RULE_KEYS = Set.of("id", "code", "function", "asks", "dimension", "cue",
            "priority", "overrides", "description", "patterns", "unless", "context", "examples");
    private static final Set<String> CLIENT_ONLY_KEYS = Set.of("kind", "direction", "neutral", "echo", "after", "targets");
    private static final Set<String> AFTER_KEYS = Set.of("behaviour", "code", "question", "function", "asks", "dimension",
            "reflected");
    private static final Set<String> PATTERN_KEYS = Set.of("tokens", "dependency", "graph");
    private static final Set<String> EXAMPLES_KEYS = Set.of("match", "nomatch");
    private static final Set<String> EXAMPLE_KEYS = Set.of("text", "context", "target");
    private static final String TARGET_DIRECTIONS = "less, more or none";

    private final String source;

    private PackParser(String source) {
        this.source = source;
    }

    /** Parses a pack; {@code source} names it in errors (a path or resource name). */
    public static PackSpec parse(String source, String yaml) {
        return new PackParser(source).pack(YamlReader.read(source, yaml));
    }

    private PackSpec pack(YamlNode root) {
        YamlNode.Mapping map = mapping(root, null, "a pack");
        checkKeys(map, PACK_KEYS, null, "pack");
        String name = requiredString(map, "pack", null);
        String description = optionalString(map, "description", null);
        String target = optionalString(map, "target", null);
        Speaker speaker = Speaker.CLIENT;
        String speakerText = optionalString(map, "speaker", null);
        if (speakerText != null) {
            speaker = switch (speakerText.toLowerCase(java.util.Locale.ROOT)) {
                case "client" -> Speaker.CLIENT;
                case "counselor", "counsellor", "helper" -> Speaker.COUNSELOR;
                default -> throw error(map.keyLines().get("speaker"), null, "speaker must be client or counselor, not '"
                        + speakerText + "'");
            };
            if (target != null) {
                throw error(map.keyLines().get("speaker"), null, "a target pack holds lexicons only; it has no speaker");
            }
        }
        List<String> aliases = new ArrayList<>();
        if (map.entries().containsKey("aliases")) {
            if (target == null) {
                throw error(map.keyLines().get("aliases"), null, "'aliases' is only for target packs (packs with 'target:')");
            }
            for (YamlNode item : sequence(map.entries().get("aliases"), null, "aliases").items()) {
                aliases.add(scalar(item, null, "an alias"));
            }
        }
        if (target != null && !LEXICON_ENTRY.matcher(target).matches()) {
            throw error(map.keyLines().get("target"), null, "target name '" + target + "' must be a plain word or phrase");
        }
        TargetDirection targetDirection = targetDirection(map, target);
        List<LexiconSpec> lexicons = new ArrayList<>();
        if (map.entries().containsKey("lexicons")) {
            YamlNode.Mapping lex = mapping(map.entries().get("lexicons"), null, "'lexicons' (a mapping of NAME: [entries])");
            for (Map.Entry<String, YamlNode> e : lex.entries().entrySet()) {
                lexicons.add(lexicon(e.getKey(), lex.keyLines().get(e.getKey()), e.getValue(), target));
            }
        }
        List<MacroSpec> macros = new ArrayList<>();
        if (map.entries().containsKey("macros")) {
            if (target != null) {
                throw error(map.keyLines().get("macros"), null, "a target pack holds lexicons only; put macros in an ordinary pack");
            }
            YamlNode.Mapping mac = mapping(map.entries().get("macros"), null, "'macros' (a mapping of NAME: token pattern)");
            for (Map.Entry<String, YamlNode> e : mac.entries().entrySet()) {
                macros.add(macro(e.getKey(), mac.keyLines().get(e.getKey()), e.getValue()));
            }
        }
        List<RuleSpec> rules = new ArrayList<>();
        if (map.entries().containsKey("rules")) {
            if (target != null) {
                throw error(map.keyLines().get("rules"), null, "a target pack holds lexicons only; put rules in an ordinary pack");
            }
            for (YamlNode item : sequence(map.entries().get("rules"), null, "rules").items()) {
                rules.add(rule(item, name, speaker));
            }
        }
        return new PackSpec(source, name, description, target, aliases, lexicons, macros, rules, speaker, targetDirection);
    }

    /** A target pack's 'direction: less | more | none'; null when it says none. */
    private TargetDirection targetDirection(YamlNode.Mapping map, String target) {
        String text = optionalString(map, "direction", null);
        if (text == null) {
            return null;
        }
        Integer line = map.keyLines().get("direction");
        if (target == null) {
            throw error(line, null, "'direction' is for target packs (packs with 'target:'): which way change goes for"
                    + " the behaviour, " + TARGET_DIRECTIONS);
        }
        TargetDirection d = TargetDirection.fromId(text);
        if (d == null) {
            throw error(line, null, "target direction must be " + TARGET_DIRECTIONS + ", not '" + text + "'");
        }
        return d;
    }

    private MacroSpec macro(String name, int line, YamlNode value) {
        if (!LEXICON_NAME.matcher(name).matches()) {
            throw error(line, null, "macro name '" + name + "' must be UPPER_SNAKE_CASE");
        }
        String written = scalar(value, null, "macro " + name).strip();
        String text = PatternText.join(written);
        if (text.isEmpty()) {
            throw error(line, null, "macro " + name + " is empty");
        }
        return new MacroSpec(source, name, line, text, written);
    }

    private LexiconSpec lexicon(String name, int line, YamlNode value, String target) {
        if (!LEXICON_NAME.matcher(name).matches()) {
            throw error(line, null, "lexicon name '" + name + "' must be UPPER_SNAKE_CASE");
        }
        List<String> entries = new ArrayList<>();
        for (YamlNode item : sequence(value, null, "lexicon " + name).items()) {
            String entry = scalar(item, null, "an entry of lexicon " + name).strip();
            if (entry.startsWith("$")) {
                if (!LEXICON_NAME.matcher(entry.substring(1)).matches()) {
                    throw error(item.line(), null, "lexicon " + name + ": '" + entry + "' is not a lexicon reference ($NAME)");
                }
            } else if (entry.isEmpty() || !LEXICON_ENTRY.matcher(entry).matches()) {
                throw error(item.line(), null, "lexicon " + name + ": entry '" + entry
                        + "' may hold only letters, digits, apostrophes, hyphens, periods and spaces");
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            throw error(line, null, "lexicon " + name + " is empty");
        }
        return new LexiconSpec(source, name, line, entries, target);
    }

    private RuleSpec rule(YamlNode node, String pack, Speaker speaker) {
        YamlNode.Mapping map = mapping(node, null, "a rule");
        String id = map.entries().containsKey("id") ? scalar(map.entries().get("id"), null, "'id'") : null;
        if (id == null || id.isBlank()) {
            throw error(map.line(), null, "a rule needs an 'id'");
        }
        if (!RULE_ID.matcher(id).matches()) {
            throw error(map.keyLines().get("id"), id, "id must be UPPER_SNAKE_CASE (letters, digits, underscores)");
        }
        if (map.entries().containsKey("label")) {
            throw error(map.keyLines().get("label"), id, oldLabel(map, id));
        }
        HelperSpec helper = null;
        if (speaker == Speaker.COUNSELOR) {
            for (String key : CLIENT_ONLY_KEYS) {
                if (map.entries().containsKey(key)) {
                    throw error(map.keyLines().get(key), id, "'" + key + "' is for client rules; a counselor rule says what it"
                            + " hears with 'code:' (a MISC code), 'function:' or 'cue:'");
                }
            }
            checkKeys(map, COUNSELOR_RULE_KEYS, id, "counselor rule");
            helper = helper(map, id);
        } else {
            for (String key : List.of("code", "function", "asks", "dimension", "cue")) {
                if (map.entries().containsKey(key)) {
                    throw error(map.keyLines().get(key), id, "'" + key + "' is for counselor rules: put the rule in a pack"
                            + " with 'speaker: counselor'");
                }
            }
            checkKeys(map, RULE_KEYS, id, "rule");
        }
        Direction direction;
        Kind kind;
        if (helper != null) {
            direction = Direction.NEUTRAL;
            kind = null;
        } else if (flag(map, "neutral", id)) {
            for (String key : List.of("kind", "direction")) {
                if (map.entries().containsKey(key)) {
                    throw error(map.keyLines().get(key), id, "a neutral rule has no " + key
                            + " (leave out 'neutral: true' for change or sustain talk)");
                }
            }
            direction = Direction.NEUTRAL;
            kind = null;
        } else {
            if (!map.entries().containsKey("kind")) {
                throw error(map.line(), id, "a rule needs 'kind:' (" + KINDS + ") with 'direction:' (change or sustain),"
                        + " or 'neutral: true'");
            }
            String kindText = requiredString(map, "kind", id);
            kind = kindOf(kindText);
            if (kind == null && (kindText.equalsIgnoreCase("neutral") || kindText.equalsIgnoreCase("sustain"))) {
                throw error(map.keyLines().get("kind"), id, kindText.equalsIgnoreCase("neutral")
                        ? "a neutral rule says 'neutral: true' and has no kind"
                        : "sustain talk keeps its kind: write the kind (e.g. kind: ability) and 'direction: sustain'");
            }
            if (kind == null) {
                throw error(map.keyLines().get("kind"), id, "unknown kind '" + kindText + "' (expected " + KINDS + ")");
            }
            direction = direction(map, id, kind.id());
        }
        Band band = Band.SPECIFIC;
        if (map.entries().containsKey("priority")) {
            String text = scalar(map.entries().get("priority"), id, "'priority'").strip();
            band = Band.fromId(text);
            if (band == null) {
                throw error(map.keyLines().get("priority"), id, oldPriority(text));
            }
        }
        List<String> overrides = new ArrayList<>();
        if (map.entries().containsKey("overrides")) {
            for (YamlNode item : sequence(map.entries().get("overrides"), id, "'overrides' (a list of rule ids)").items()) {
                String other = scalar(item, id, "a rule id in 'overrides'").strip();
                if (!RULE_ID.matcher(other).matches()) {
                    throw error(item.line(), id, "overrides: '" + other + "' is not a rule id (UPPER_SNAKE_CASE)");
                }
                if (other.equals(id)) {
                    throw error(item.line(), id, "a rule cannot override itself");
                }
                if (overrides.contains(other)) {
                    throw error(item.line(), id, "overrides lists " + other + " twice");
                }
                overrides.add(other);
            }
        }
        String description = optionalString(map, "description", id);
        if (!map.entries().containsKey("patterns")) {
            throw error(map.line(), id, "a rule needs 'patterns'");
        }
        List<PatternSpec> patterns = patterns(map.entries().get("patterns"), id, "patterns");
        if (patterns.isEmpty()) {
            throw error(map.keyLines().get("patterns"), id, "'patterns' is empty");
        }
        List<PatternSpec> unless = map.entries().containsKey("unless")
                ? patterns(map.entries().get("unless"), id, "unless") : List.of();
        List<PatternSpec> context = map.entries().containsKey("context")
                ? patterns(map.entries().get("context"), id, "context") : List.of();
        if (!map.entries().containsKey("examples")) {
            throw error(map.line(), id, "a rule needs 'examples' with at least " + MIN_MATCH_EXAMPLES
                    + " 'match' and " + MIN_NOMATCH_EXAMPLES + " 'nomatch' sentences");
        }
        List<ExampleSpec> examples = examples(map.entries().get("examples"), id);
        Echo echo = null;
        String echoText = optionalString(map, "echo", id);
        if (echoText != null) {
            echo = Echo.fromId(echoText);
            if (echo == null) {
                throw error(map.keyLines().get("echo"), id, "echo must be affirm or deny, not '" + echoText + "'");
            }
            if (direction != Direction.NEUTRAL) {
                throw error(map.keyLines().get("echo"), id, "'echo' is for neutral answer rules: the answer takes its label from the counselor turn");
            }
        }
        AfterSpec after = map.entries().containsKey("after") ? after(map.entries().get("after"), id) : null;
        Set<TargetDirection> targets = targets(map, id);
        return new RuleSpec(source, pack, id, map.line(), direction, kind, band, overrides, description,
                patterns, unless, context, examples, echo, helper, after, targets);
    }

    /** A counselor rule's code, function (with what it asks or a ruler's dimension) and cue; at least one of code, function, cue. */
    private HelperSpec helper(YamlNode.Mapping map, String id) {
        MiscCode code = null;
        String codeText = optionalString(map, "code", id);
        if (codeText != null) {
            try {
                code = MiscCode.fromId(codeText);
            } catch (IllegalArgumentException e) {
                throw error(map.keyLines().get("code"), id, e.getMessage());
            }
        }
        CounselorCoding.Function function = null;
        String functionText = optionalString(map, "function", id);
        if (functionText != null) {
            function = CounselorCoding.Function.fromId(functionText);
            if (function == null) {
                throw error(map.keyLines().get("function"), id, "unknown function '" + functionText + "' (expected "
                        + ids(CounselorCoding.Function.values()) + ")");
            }
        }
        Kind asks = null;
        String asksText = optionalString(map, "asks", id);
        if (asksText != null) {
            asks = kindOf(asksText);
            if (asks == null) {
                throw error(map.keyLines().get("asks"), id, "asks must be a DARN-CAT kind (" + KINDS + "), not '" + asksText + "'");
            }
            if (function != CounselorCoding.Function.EVOKING_CHANGE && function != CounselorCoding.Function.ELICITING_STATUS_QUO) {
                throw error(map.keyLines().get("asks"), id, "'asks' goes with 'function: evoking-change' or 'function: eliciting-status-quo'");
            }
        }
        CounselorCoding.Dimension dimension = null;
        String dimensionText = optionalString(map, "dimension", id);
        if (dimensionText != null) {
            dimension = CounselorCoding.Dimension.fromId(dimensionText);
            if (dimension == null) {
                throw error(map.keyLines().get("dimension"), id, "dimension must be importance, confidence or readiness, not '"
                        + dimensionText + "'");
            }
            if (function != CounselorCoding.Function.RULER) {
                throw error(map.keyLines().get("dimension"), id, "'dimension' goes with 'function: ruler'");
            }
        }
        Cue cue = null;
        String cueText = optionalString(map, "cue", id);
        if (cueText != null) {
            cue = Cue.fromId(cueText);
            if (cue == null) {
                throw error(map.keyLines().get("cue"), id, "unknown cue '" + cueText + "' (expected " + Cue.names() + ")");
            }
            if (cue.readsClientTurn() && (code != null || function != null)) {
                throw error(map.keyLines().get("cue"), id, "a '" + cue.id() + "' rule reads the client turn before: it has no code or function");
            }
        }
        if (code == null && function == null && cue == null) {
            throw error(map.line(), id, "a counselor rule needs 'code:' (" + MiscCode.names() + "), 'function:' or 'cue:'");
        }
        return new HelperSpec(code, function, asks, dimension, cue);
    }

    /** A client rule's 'after:' condition on the counselor turn before. */
    private AfterSpec after(YamlNode node, String id) {
        YamlNode.Mapping map = mapping(node, id, "'after' (a mapping such as {behaviour: reflection} or {function: ruler})");
        checkKeys(map, AFTER_KEYS, id, "after");
        if (map.entries().isEmpty()) {
            throw error(map.line(), id, "'after' is empty: name what the counselor turn before must be");
        }
        Set<Behaviour> behaviour = afterValues(map, "behaviour", id, text -> {
            try {
                return Behaviour.fromId(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }, "question, reflection, input or other");
        Set<MiscCode> code = afterValues(map, "code", id, text -> {
            try {
                return MiscCode.fromId(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }, MiscCode.names());
        Set<CounselorCoding.QuestionKind> question = afterValues(map, "question", id, text -> switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "open" -> CounselorCoding.QuestionKind.OPEN;
            case "closed" -> CounselorCoding.QuestionKind.CLOSED;
            default -> null;
        }, "open or closed");
        Set<CounselorCoding.Function> function = afterValues(map, "function", id, CounselorCoding.Function::fromId,
                ids(CounselorCoding.Function.values()));
        Set<Kind> asks = afterValues(map, "asks", id, PackParser::kindOf, KINDS);
        Set<CounselorCoding.Dimension> dimension = afterValues(map, "dimension", id, CounselorCoding.Dimension::fromId,
                "importance, confidence or readiness");
        Set<Direction> reflected = afterValues(map, "reflected", id, text -> switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "change" -> Direction.CHANGE;
            case "sustain" -> Direction.SUSTAIN;
            case "none" -> Direction.NEUTRAL;
            default -> null;
        }, "change, sustain or none");
        return new AfterSpec(behaviour, code, question, function, asks, dimension, reflected);
    }

    /** The values of one key of 'after:' (a value or a list of values), each parsed by {@code parse} (null: not valid). */
    private <T> Set<T> afterValues(YamlNode.Mapping map, String key, String id, java.util.function.Function<String, T> parse,
                                   String expected) {
        YamlNode node = map.entries().get(key);
        if (node == null) {
            return Set.of();
        }
        List<YamlNode> items = node instanceof YamlNode.Sequence seq ? seq.items() : List.of(node);
        if (items.isEmpty()) {
            throw error(map.keyLines().get(key), id, "after: '" + key + "' is empty");
        }
        Set<T> out = new java.util.LinkedHashSet<>();
        for (YamlNode item : items) {
            String text = scalar(item, id, "a value of after: " + key).strip();
            T value = parse.apply(text);
            if (value == null) {
                throw error(item.line(), id, "after: unknown " + key + " '" + text + "' (expected " + expected + ")");
            }
            out.add(value);
        }
        return out;
    }

    private static String ids(CounselorCoding.Function[] values) {
        StringBuilder b = new StringBuilder();
        for (CounselorCoding.Function f : values) {
            b.append(b.isEmpty() ? "" : ", ").append(f.id());
        }
        return b.toString();
    }

    /** A rule's 'targets: [less, more]': the target directions it is for; empty (every target) when absent. */
    private Set<TargetDirection> targets(YamlNode.Mapping map, String id) {
        if (!map.entries().containsKey("targets")) {
            return Set.of();
        }
        Set<TargetDirection> out = java.util.EnumSet.noneOf(TargetDirection.class);
        YamlNode.Sequence list = sequence(map.entries().get("targets"), id, "'targets' (a list of target directions: "
                + TARGET_DIRECTIONS + ")");
        for (YamlNode item : list.items()) {
            String text = scalar(item, id, "a target direction in 'targets'").strip();
            TargetDirection d = TargetDirection.fromId(text);
            if (d == null) {
                throw error(item.line(), id, "targets lists target directions (" + TARGET_DIRECTIONS + "), not '" + text
                        + "' (a target pack says which way its behaviour goes with 'direction:')");
            }
            if (!out.add(d)) {
                throw error(item.line(), id, "targets lists " + d.id() + " twice");
            }
        }
        if (out.isEmpty()) {
            throw error(map.keyLines().get("targets"), id, "'targets' is empty (leave it out for a rule of every target)");
        }
        return out;
    }

    private static final String KINDS = "desire, ability, reason, need, commitment, activation or taking-steps";

    /** The kind named, or null. */
    private static Kind kindOf(String text) {
        for (Kind k : Kind.values()) {
            if (k.id().equals(text.strip().toLowerCase(java.util.Locale.ROOT))) {
                return k;
            }
        }
        return null;
    }

    /** 'direction: change' or 'direction: sustain', required of change and sustain talk of {@code kind}. */
    private Direction direction(YamlNode.Mapping map, String id, String kind) {
        String text = optionalString(map, "direction", id);
        if (text == null) {
            throw error(map.line(), id, "a " + kind + " rule needs 'direction: change' or 'direction: sustain'");
        }
        Direction direction;
        try {
            direction = Direction.fromId(text);
        } catch (IllegalArgumentException e) {
            direction = null;
        }
        if (direction == null || direction == Direction.NEUTRAL) {
            throw error(map.keyLines().get("direction"), id, "direction must be change or sustain, not '" + text
                    + "' (a neutral rule says 'neutral: true' instead of kind and direction)");
        }
        return direction;
    }

    /** A yes/no key: absent or false is false. */
    private boolean flag(YamlNode.Mapping map, String key, String id) {
        String text = optionalString(map, key, id);
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw error(map.keyLines().get(key), id, "'" + key + "' must be true or false, not '" + text + "'");
    }

    /** What to write instead of the old 'label:' key, which held the kind (or neutral). */
    private String oldLabel(YamlNode.Mapping map, String id) {
        YamlNode value = map.entries().get("label");
        String label = value instanceof YamlNode.Scalar sc && sc.value() != null ? sc.value().strip() : "";
        String direction = optionalString(map, "direction", id);
        if (label.equalsIgnoreCase("neutral")) {
            return "'label: neutral' is now written 'neutral: true'";
        }
        if (label.equalsIgnoreCase("sustain")) {
            return "'label:' is gone: write the kind of the sustain talk and 'direction: sustain' (e.g. kind: ability)";
        }
        Kind kind = kindOf(label);
        if (kind != null) {
            return "'label: " + label + "' is now written 'kind: " + kind.id() + "'"
                    + (direction == null ? ", with 'direction: change' or 'direction: sustain'" : "");
        }
        return "'label:' is gone: write 'kind:' (" + KINDS + ") and 'direction:' (change or sustain), or 'neutral: true'";
    }

    /** What to write instead of a priority that is not a band name (packs once ranked rules by number). */
    private static String oldPriority(String text) {
        String bands = "(bands, weakest first: " + Band.names() + "; to make a rule beat another of its band, list that one"
                + " under 'overrides:')";
        try {
            int n = Integer.parseInt(text);
            return "priority is a band name now, not a number: " + n + " is most like 'priority: " + nearest(n).id() + "' " + bands;
        } catch (NumberFormatException e) {
            return "unknown priority '" + text + "' " + bands;
        }
    }

    /** The band the default packs moved a number to when priorities became bands. */
    private static Band nearest(int n) {
        return n < 30 ? Band.BACKCHANNEL : n < 45 ? Band.ANSWER : n < 50 ? Band.GENERAL : n < 55 ? Band.SPECIFIC
                : n < 70 ? Band.REVERSAL : Band.FRAME;
    }

    private List<PatternSpec> patterns(YamlNode node, String id, String field) {
        List<PatternSpec> out = new ArrayList<>();
        for (YamlNode item : sequence(node, id, "'" + field + "'").items()) {
            YamlNode.Mapping map = mapping(item, id, "a pattern (tokens: ... or dependency: ...)");
            checkKeys(map, PATTERN_KEYS, id, "pattern");
            boolean tokens = map.entries().containsKey("tokens");
            boolean dependency = map.entries().containsKey("dependency");
            if (tokens == dependency) {
                throw error(map.line(), id, "a pattern has exactly one of 'tokens:' or 'dependency:'");
            }
            String slot = field + "[" + out.size() + "]";
            String key = tokens ? "tokens" : "dependency";
            String text = scalar(map.entries().get(key), id, "'" + key + "'");
            if (text.isBlank()) {
                throw error(map.keyLines().get(key), id, slot + " is empty");
            }
            GraphKind graph = null;
            if (map.entries().containsKey("graph")) {
                if (tokens) {
                    throw error(map.keyLines().get("graph"), id, "'graph' applies to dependency patterns only");
                }
                String g = scalar(map.entries().get("graph"), id, "'graph'");
                graph = GraphKind.fromId(g);
                if (graph == null) {
                    throw error(map.keyLines().get("graph"), id, "unknown graph '" + g + "' (expected basic, enhanced or enhanced++)");
                }
            } else if (dependency) {
                graph = GraphKind.BASIC;
            }
            String written = text.strip();
            out.add(new PatternSpec(tokens ? PatternType.TOKENS : PatternType.DEPENDENCY, PatternText.join(written), graph,
                    map.keyLines().get(key), slot, written));
        }
        return out;
    }

    private List<ExampleSpec> examples(YamlNode node, String id) {
        YamlNode.Mapping map = mapping(node, id, "'examples' (with 'match' and 'nomatch' lists)");
        checkKeys(map, EXAMPLES_KEYS, id, "examples");
        List<ExampleSpec> out = new ArrayList<>();
        int matches = examples(map, "match", true, id, out);
        int nomatches = examples(map, "nomatch", false, id, out);
        if (matches < MIN_MATCH_EXAMPLES || nomatches < MIN_NOMATCH_EXAMPLES) {
            throw error(map.line(), id, "a rule needs at least " + MIN_MATCH_EXAMPLES + " 'match' and "
                    + MIN_NOMATCH_EXAMPLES + " 'nomatch' examples (found " + matches + " and " + nomatches + ")");
        }
        return out;
    }

    private int examples(YamlNode.Mapping map, String key, boolean match, String id, List<ExampleSpec> out) {
        if (!map.entries().containsKey(key)) {
            return 0;
        }
        int count = 0;
        for (YamlNode item : sequence(map.entries().get(key), id, "'" + key + "'").items()) {
            String text;
            String context = null;
            String target = null;
            if (item instanceof YamlNode.Mapping m) {
                checkKeys(m, EXAMPLE_KEYS, id, "example");
                text = requiredString(m, "text", id);
                context = optionalString(m, "context", id);
                target = optionalString(m, "target", id);
            } else {
                text = scalar(item, id, "an example sentence");
            }
            if (text.isBlank()) {
                throw error(item.line(), id, "an example is empty");
            }
            out.add(new ExampleSpec(text, context, match, item.line(), target));
            count++;
        }
        return count;
    }

    private void checkKeys(YamlNode.Mapping map, Set<String> allowed, String id, String what) {
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                throw error(map.keyLines().get(key), id, "unknown key '" + key + "' in " + what
                        + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private String requiredString(YamlNode.Mapping map, String key, String id) {
        if (!map.entries().containsKey(key)) {
            throw error(map.line(), id, "missing '" + key + "'");
        }
        String value = scalar(map.entries().get(key), id, "'" + key + "'");
        if (value.isBlank()) {
            throw error(map.keyLines().get(key), id, "'" + key + "' is empty");
        }
        return value.strip();
    }

    private String optionalString(YamlNode.Mapping map, String key, String id) {
        YamlNode node = map.entries().get(key);
        if (node == null || (node instanceof YamlNode.Scalar s && s.value() == null)) {
            return null;
        }
        return scalar(node, id, "'" + key + "'").strip();
    }

    private String scalar(YamlNode node, String id, String what) {
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            return s.value();
        }
        throw error(node.line(), id, what + " must be a string, not " + node.typeName());
    }

    private YamlNode.Mapping mapping(YamlNode node, String id, String what) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        throw error(node.line(), id, "expected " + what + ", found " + node.typeName());
    }

    private YamlNode.Sequence sequence(YamlNode node, String id, String what) {
        if (node instanceof YamlNode.Sequence s) {
            return s;
        }
        throw error(node.line(), id, what + " must be a list, not " + node.typeName());
    }

    private RulePackException error(Integer line, String id, String detail) {
        return new RulePackException(source, line == null ? 0 : line, id, detail);
    }
}
