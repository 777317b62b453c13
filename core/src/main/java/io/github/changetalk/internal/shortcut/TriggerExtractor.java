package io.github.changetalk.internal.shortcut;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.tokensregex.ComplexNodePattern;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import edu.stanford.nlp.util.Pair;
import io.github.changetalk.internal.compile.LexiconPattern;
import io.github.changetalk.internal.compile.LiteralRegex;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the {@link Trigger} of a compiled pattern: the words or lemmas that any match must contain.
 *
 * <p>TokensRegex keeps its parsed expression tree in package-private fields, so this walks it by
 * reflection. Every step is conservative: an expression it does not know, a regex that is not a plain
 * list of words, an optional element, a negation, all give {@link Trigger#ANY} for that part. A
 * missing field (a future CoreNLP) also gives ANY, which costs speed, never a label.
 *
 * <p>Semgrex patterns are walked the same way: every node description that a match needs (the root,
 * and each related node that is neither negated ({@code !>}) nor optional ({@code ?>}) nor one side
 * of an alternation) must match some token of the sentence, so each literal {@code word:} or
 * {@code lemma:} constraint on such a node is a clause. {@code {lemma:want} >advmod {lemma:not}}
 * thus requires "want" and "not": a sentence with "want" but no negation is never parsed for it.
 * Should the walk fail, only the root node's constraints are read from the pattern text.
 */
public final class TriggerExtractor {
    private static final String SP = "edu.stanford.nlp.ling.tokensregex.SequencePattern$";
    private static final String CNP = "edu.stanford.nlp.ling.tokensregex.ComplexNodePattern";

    private TriggerExtractor() {
    }

    /**
     * The trigger of a parsed TokensRegex expression. {@code memo} carries the triggers of large
     * alternations from one pattern to the next within one compilation: TokensRegex copies a lexicon's
     * expression into every pattern that names it, and working out its trigger again for each copy (the
     * union of hundreds of keys, several times over) was most of the start-up time spent on triggers.
     * Copies are recognised exactly: same structure, same node objects (copies share their nodes).
     */
    public static Trigger ofTokens(SequencePattern.PatternExpr expr, Map<Object, Trigger> memo) {
        try {
            return ofExpr(expr, memo);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Trigger.ANY;
        }
    }

    /** Alternations with at least this many branches are remembered (smaller ones are cheap to redo). */
    private static final int MEMO_BRANCHES = 4;

    /** Compares by identity: two fingerprints are equal only when they hold the very same node objects. */
    private record Same(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same s && s.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    /** A value equal for two expressions exactly when one is a copy of the other. */
    private static Object fingerprint(Object expr) throws ReflectiveOperationException {
        Class<?> c = expr.getClass();
        switch (c.getName()) {
            case SP + "NodePatternExpr":
                return new Same(field(c, "nodePattern").get(expr));
            case SP + "SequencePatternExpr":
            case SP + "AndPatternExpr":
            case SP + "OrPatternExpr": {
                List<Object> out = new ArrayList<>();
                out.add(c.getName());
                for (Object child : (List<?>) field(c, "patterns").get(expr)) {
                    out.add(fingerprint(child));
                }
                return out;
            }
            case SP + "RepeatPatternExpr":
                return List.of(c.getName(), field(c, "minMatch").getInt(expr), field(c, "maxMatch").getInt(expr),
                        fingerprint(field(c, "pattern").get(expr)));
            case SP + "GroupPatternExpr":
                return List.of(c.getName(), fingerprint(field(c, "pattern").get(expr)));
            default:
                return new Same(expr);
        }
    }

    private static Trigger ofExpr(Object expr, Map<Object, Trigger> memo) throws ReflectiveOperationException {
        if (expr == null) {
            return Trigger.ANY;
        }
        String name = expr.getClass().getName();
        switch (name) {
            case SP + "NodePatternExpr":
                return ofNode(field(expr.getClass(), "nodePattern").get(expr), memo);
            case SP + "SequencePatternExpr":
            case SP + "AndPatternExpr": {
                Trigger t = Trigger.ANY;
                for (Object child : (List<?>) field(expr.getClass(), "patterns").get(expr)) {
                    t = t.and(ofExpr(child, memo));
                }
                return t;
            }
            case SP + "OrPatternExpr": {
                List<?> children = (List<?>) field(expr.getClass(), "patterns").get(expr);
                if (children.isEmpty()) {
                    return Trigger.ANY;
                }
                Object key = children.size() >= MEMO_BRANCHES ? fingerprint(expr) : null;
                Trigger known = key == null ? null : memo.get(key);
                if (known != null) {
                    return known;
                }
                List<Trigger> parts = new ArrayList<>();
                for (Object child : children) {
                    parts.add(ofExpr(child, memo));
                }
                Trigger t = Trigger.anyOf(parts);
                if (key != null) {
                    memo.put(key, t);
                }
                return t;
            }
            case SP + "RepeatPatternExpr": {
                int min = field(expr.getClass(), "minMatch").getInt(expr);
                return min >= 1 ? ofExpr(field(expr.getClass(), "pattern").get(expr), memo) : Trigger.ANY;
            }
            case SP + "GroupPatternExpr":
                return ofExpr(field(expr.getClass(), "pattern").get(expr), memo);
            default:
                return Trigger.ANY;
        }
    }

    /**
     * The most tokens a sentence can have for the pattern to match it: finite only for a pattern
     * anchored at both ends ({@code ^ ... $}) whose parts all have a bounded length, such as the
     * short-answer patterns; otherwise {@link Integer#MAX_VALUE}. Like a trigger, a necessary condition.
     */
    public static int maxSentenceTokens(SequencePattern.PatternExpr expr) {
        try {
            Shape s = shape(expr);
            return s.anchoredStart() && s.anchoredEnd() && s.max() >= 0 ? s.max() : Integer.MAX_VALUE;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Token-length bounds of an expression (max -1: unbounded) and whether it is pinned to the sentence ends. */
    private record Shape(int min, int max, boolean anchoredStart, boolean anchoredEnd) {
        static final Shape UNKNOWN = new Shape(0, -1, false, false);
    }

    private static Shape shape(Object expr) throws ReflectiveOperationException {
        if (expr == null) {
            return Shape.UNKNOWN;
        }
        switch (expr.getClass().getName()) {
            case SP + "SequenceStartPatternExpr":
                return new Shape(0, 0, true, false);
            case SP + "SequenceEndPatternExpr":
                return new Shape(0, 0, false, true);
            case SP + "NodePatternExpr":
                return new Shape(1, 1, false, false);
            case SP + "GroupPatternExpr":
                return shape(field(expr.getClass(), "pattern").get(expr));
            case SP + "SequencePatternExpr": {
                List<?> children = (List<?>) field(expr.getClass(), "patterns").get(expr);
                if (children.isEmpty()) {
                    return Shape.UNKNOWN;
                }
                int min = 0;
                int max = 0;
                for (Object child : children) {
                    Shape c = shape(child);
                    min += c.min();
                    max = max < 0 || c.max() < 0 ? -1 : max + c.max();
                }
                return new Shape(min, max, shape(children.get(0)).anchoredStart(),
                        shape(children.get(children.size() - 1)).anchoredEnd());
            }
            case SP + "OrPatternExpr": {
                List<?> children = (List<?>) field(expr.getClass(), "patterns").get(expr);
                if (children.isEmpty()) {
                    return Shape.UNKNOWN;
                }
                int min = Integer.MAX_VALUE;
                int max = 0;
                boolean start = true;
                boolean end = true;
                for (Object child : children) {
                    Shape c = shape(child);
                    min = Math.min(min, c.min());
                    max = max < 0 || c.max() < 0 ? -1 : Math.max(max, c.max());
                    start &= c.anchoredStart();
                    end &= c.anchoredEnd();
                }
                return new Shape(min, max, start, end);
            }
            case SP + "RepeatPatternExpr": {
                int minMatch = field(expr.getClass(), "minMatch").getInt(expr);
                int maxMatch = field(expr.getClass(), "maxMatch").getInt(expr);
                Shape c = shape(field(expr.getClass(), "pattern").get(expr));
                int max = maxMatch < 0 || c.max() < 0 ? -1 : maxMatch * c.max();
                return new Shape(minMatch * c.min(), max, false, false);
            }
            default:
                return Shape.UNKNOWN;
        }
    }

    private static Trigger ofNode(Object node, Map<Object, Trigger> memo) throws ReflectiveOperationException {
        if (node == null) {
            return Trigger.ANY;
        }
        Class<?> c = node.getClass();
        if (c.getName().equals("edu.stanford.nlp.ling.tokensregex.NodePattern$ConjNodePattern")) {
            Trigger t = Trigger.ANY;
            for (Object child : (List<?>) field(c, "nodePatterns").get(node)) {
                t = t.and(ofNode(child, memo));
            }
            return t;
        }
        if (c.getName().equals("edu.stanford.nlp.ling.tokensregex.NodePattern$DisjNodePattern")) {
            List<Trigger> parts = new ArrayList<>();
            for (Object child : (List<?>) field(c, "nodePatterns").get(node)) {
                parts.add(ofNode(child, memo));
            }
            return parts.isEmpty() ? Trigger.ANY : Trigger.anyOf(parts);
        }
        if (node instanceof LexiconPattern.WordSet set) {
            // A lexicon's node is shared by every pattern naming the lexicon: its trigger is worked out once.
            Same key = new Same(set);
            Trigger known = memo.get(key);
            if (known == null) {
                known = wordOrLemma(set.words());
                memo.put(key, known);
            }
            return known;
        }
        Class<?> complex = Class.forName(CNP);
        if (complex.isInstance(node)) {
            // The annotation patterns of one node are all required: any literal one is a trigger.
            Trigger t = Trigger.ANY;
            for (Object o : (List<?>) field(complex, "annotationPatterns").get(node)) {
                Pair<?, ?> pair = (Pair<?, ?>) o;
                t = t.and(ofAnnotation(pair.first(), pair.second()));
            }
            return t;
        }
        return Trigger.ANY;
    }

    /** Lexicon words match a token's word or its lemma. */
    static Trigger wordOrLemma(java.util.Set<String> words) {
        List<String> keys = new ArrayList<>();
        for (String w : words) {
            keys.add(Trigger.wordKey(w));
            keys.add(Trigger.lemmaKey(w));
        }
        return keys.isEmpty() ? Trigger.ANY : Trigger.of(keys);
    }

    private static Trigger ofAnnotation(Object key, Object valuePattern) throws ReflectiveOperationException {
        boolean word = key == CoreAnnotations.TextAnnotation.class;
        boolean lemma = key == CoreAnnotations.LemmaAnnotation.class;
        if (!(word || lemma) || !(valuePattern instanceof NodePattern<?>)) {
            return Trigger.ANY;
        }
        String cls = valuePattern.getClass().getName();
        List<String> literals = null;
        if (cls.equals(CNP + "$StringAnnotationPattern")) {
            literals = List.of((String) field(valuePattern.getClass(), "target").get(valuePattern));
        } else if (cls.equals(CNP + "$StringInSetAnnotationPattern")) {
            literals = new ArrayList<>();
            for (Object s : (java.util.Set<?>) field(valuePattern.getClass(), "targets").get(valuePattern)) {
                literals.add((String) s);
            }
        } else if (valuePattern instanceof ComplexNodePattern.StringAnnotationRegexPattern regex) { // or a BudgetedRegex
            literals = LiteralRegex.alternatives(regex.getPattern().pattern());
        }
        if (literals == null || literals.isEmpty()) {
            return Trigger.ANY;
        }
        return literalTrigger(word, literals);
    }

    /** One clause: any of these literal words (or lemmas) must be in the sentence. */
    private static Trigger literalTrigger(boolean word, List<String> literals) {
        List<String> keys = new ArrayList<>(literals.size());
        for (String literal : literals) {
            keys.add(word ? Trigger.wordKey(literal) : Trigger.lemmaKey(literal));
        }
        return Trigger.of(keys);
    }

    private static final Pattern ROOT_NODE = Pattern.compile("^[\\s(]*\\{([^{}]*)\\}");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*(word|lemma)\\s*:\\s*(/(.*)/|([^/;]*))\\s*$");

    private static final String SG = "edu.stanford.nlp.semgraph.semgrex.";

    /** The trigger of a compiled Semgrex pattern; {@code text} is its source (after lexicon substitution). */
    public static Trigger ofSemgrex(SemgrexPattern pattern, String text) {
        try {
            return ofSemgrexNode(pattern);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return ofSemgrexRoot(text);
        }
    }

    private static Trigger ofSemgrexNode(Object p) throws ReflectiveOperationException {
        if (p == null) {
            return Trigger.ANY;
        }
        // A negated (!>) or optional (?>) part requires nothing of the sentence.
        if (field(SemgrexPattern.class, "neg").getBoolean(p) || field(SemgrexPattern.class, "opt").getBoolean(p)) {
            return Trigger.ANY;
        }
        String name = p.getClass().getName();
        if (name.equals(SG + "NodePattern")) {
            Trigger own = Trigger.ANY;
            if (!field(p.getClass(), "negDesc").getBoolean(p)) {
                for (Object attribute : (List<?>) field(p.getClass(), "attributes").get(p)) {
                    own = own.and(ofSemgrexAttribute(attribute));
                }
            }
            return own.and(ofSemgrexNode(field(p.getClass(), "child").get(p)));
        }
        if (name.equals(SG + "CoordinationPattern")) {
            boolean conj = field(p.getClass(), "isConj").getBoolean(p);
            List<?> children = (List<?>) field(p.getClass(), "children").get(p);
            if (children.isEmpty()) {
                return Trigger.ANY;
            }
            List<Trigger> parts = new ArrayList<>();
            for (Object child : children) {
                parts.add(ofSemgrexNode(child));
            }
            return conj ? Trigger.allOf(parts) : Trigger.anyOf(parts);
        }
        throw new IllegalStateException("unknown Semgrex node " + name);
    }

    private static Trigger ofSemgrexAttribute(Object attribute) throws ReflectiveOperationException {
        Class<?> c = attribute.getClass();
        String key = (String) field(c, "key").get(attribute);
        if (field(c, "negated").getBoolean(attribute) || !(key.equals("word") || key.equals("lemma"))) {
            return Trigger.ANY;
        }
        Object value = field(c, "cased").get(attribute);
        List<String> literals;
        if (value instanceof String s) {
            literals = List.of(s.toLowerCase(java.util.Locale.ROOT));
        } else if (value instanceof Pattern regex) {
            literals = LiteralRegex.alternatives(regex.pattern());
        } else {
            return Trigger.ANY;
        }
        if (literals == null || literals.isEmpty() || literals.get(0).isEmpty()) {
            return Trigger.ANY;
        }
        return literalTrigger(key.equals("word"), literals);
    }

    /** Fallback: the root node's word or lemma, read from the pattern text. */
    static Trigger ofSemgrexRoot(String pattern) {
        Matcher m = ROOT_NODE.matcher(pattern);
        if (!m.find()) {
            return Trigger.ANY;
        }
        Trigger t = Trigger.ANY;
        for (String attr : m.group(1).split(";")) {
            Matcher a = ATTRIBUTE.matcher(attr);
            if (!a.matches()) {
                continue; // tag:, negated or other attributes constrain but give no word trigger
            }
            boolean word = a.group(1).equals("word");
            List<String> literals = a.group(3) != null ? LiteralRegex.alternatives(a.group(3))
                    : List.of(a.group(4).strip().toLowerCase(java.util.Locale.ROOT));
            if (literals == null || literals.isEmpty() || literals.get(0).isEmpty()) {
                continue;
            }
            t = t.and(literalTrigger(word, literals));
        }
        return t;
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        return Fields.of(c, name);
    }
}
