package io.github.changetalk.internal.compile;

import edu.stanford.nlp.ling.tokensregex.ComplexNodePattern;
import edu.stanford.nlp.ling.tokensregex.MultiNodePattern;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.util.Pair;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word regex of a token test ({@code [{word:/.../}]}) that counts every character it reads against
 * the {@linkplain StepBudget current step budget}. Java regexes have no step limit and ignore
 * interrupts; run over a {@link CharSequence} that takes a budget step on every {@code charAt}, a
 * backtracking regex is stopped like any other runaway match, and an interrupt stops it within 64
 * character reads.
 *
 * <p>TokensRegex builds its regex tests itself while parsing a pattern, so {@link #install} swaps them
 * for this subclass in the parsed expression, before any sentence is matched: the same regex, the same
 * verdicts, the same description (so the same {@link NodeVerdicts} id). Immutable.
 */
final class BudgetedRegex extends ComplexNodePattern.StringAnnotationRegexPattern {
    private static final long serialVersionUID = 1L;

    BudgetedRegex(Pattern pattern) {
        super(pattern);
    }

    @Override
    public boolean match(String s) {
        return s != null && getPattern().matcher(new Counted(s, StepBudget.current())).matches();
    }

    @Override
    public Object matchWithResult(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = getPattern().matcher(new Counted(s, StepBudget.current()));
        return m.matches() ? m.toMatchResult() : null;
    }

    /** A word as the regex sees it: each character read is a step. */
    private static final class Counted implements CharSequence {
        private final String s;
        private final StepBudget budget;

        Counted(String s, StepBudget budget) {
            this.s = s;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            budget.step();
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.substring(start, end); // group text, read once the match is over
        }

        @Override
        public String toString() {
            return s;
        }
    }

    /**
     * Replaces, in a freshly parsed TokensRegex expression, every regex test of a token attribute by a
     * budgeted one. Walks every field that can hold part of the pattern (sub-expressions, node tests and
     * lists of them), so that no kind of expression can hide a regex from it; lexicon tests hold none.
     * Must run before the expression is shared with other threads.
     */
    static void install(SequencePattern.PatternExpr expr) {
        walk(expr, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void walk(Object o, Set<Object> seen) {
        if (o == null || o instanceof LexiconPattern.WordSet || !seen.add(o)) {
            return;
        }
        if (o instanceof ComplexNodePattern<?, ?> node) {
            for (Pair<?, NodePattern> test : node.getAnnotationPatterns()) {
                if (test.second != null && test.second.getClass() == ComplexNodePattern.StringAnnotationRegexPattern.class) {
                    ((Pair) test).second = new BudgetedRegex(((ComplexNodePattern.StringAnnotationRegexPattern) test.second).getPattern());
                } else {
                    walk(test.second, seen);
                }
            }
            return;
        }
        if (o instanceof Collection<?> items) {
            for (Object item : items) {
                walk(item, seen);
            }
            return;
        }
        if (o instanceof SequencePattern.PatternExpr || o instanceof NodePattern<?> || o instanceof MultiNodePattern<?>) {
            for (Field f : PARTS.get(o.getClass())) {
                try {
                    walk(f.get(o), seen);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + f, e);
                }
            }
        }
    }

    /** Per class, its instance fields (its own and inherited) that can hold part of a pattern. */
    private static final ClassValue<List<Field>> PARTS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> out = new ArrayList<>();
            for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    Class<?> t = f.getType();
                    boolean part = SequencePattern.PatternExpr.class.isAssignableFrom(t) || NodePattern.class.isAssignableFrom(t)
                            || MultiNodePattern.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t)
                            || t == Object.class;
                    if (part && !Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        out.add(f);
                    }
                }
            }
            return List.copyOf(out);
        }
    };
}
