package io.github.changetalk.internal.shortcut;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.util.CoreMap;
import io.github.changetalk.internal.compile.LexiconPattern;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An exact, cheap answer to "does this token pattern match anywhere in the sentence?", asked before
 * TokensRegex is run, so that TokensRegex runs only on sentences it will match (to find the span).
 *
 * <p>Why: most candidate rules do not match the sentence they are tried on, and TokensRegex costs
 * 13-17 µs to say so for a simple pattern and up to ~700 µs for a gap before a large multi-word
 * lexicon: it simulates its automaton with branch states, groups and backtracking. Whether a match
 * exists needs none of that. Here every sub-expression maps a set of start positions to the set of
 * positions it can end at, each set a bit mask over the token boundaries 0..n: a token test shifts
 * the positions whose token it accepts by one, a sequence chains, an alternation unions, a repeat
 * iterates to a fixed point, and {@code ^}/{@code $} keep position 0/n. The pattern matches iff some
 * end is reachable from some start; the work is polynomial, with no backtracking at all.
 *
 * <p>Token tests are TokensRegex's own compiled {@link NodePattern}s, so a token is accepted exactly
 * when TokensRegex would accept it. The expression tree is read from the compiled pattern by
 * reflection (as {@link TriggerExtractor} does); {@link #of} gives empty for any construct it does not
 * model (back-references, multi-node or value patterns, conjunctions, a pattern that can match
 * nothing), and those patterns simply go to TokensRegex as before. A test over every rule pattern and
 * every testdata sentence checks that the answer always agrees with TokensRegex.
 *
 * <p>Immutable and thread-safe; {@link #matches} keeps its state in locals.
 */
public final class TokenReach {
    private static final String SP = "edu.stanford.nlp.ling.tokensregex.SequencePattern$";

    /** Sentences up to this many tokens fit the 64-bit position masks (n + 1 boundaries) of the reach test. */
    static final int MAX_TOKENS = 63;

    private final Expr root;
    private final boolean spans;

    private TokenReach(Expr root) {
        this.root = root;
        this.spans = spannable(root);
    }

    /** The reach test of a parsed expression, or empty when it uses a construct not modelled here. */
    public static Optional<TokenReach> of(SequencePattern.PatternExpr expr) {
        try {
            Expr root = build(expr);
            if (root == null || root.minLength() < 1) {
                // A pattern that can match zero tokens: TokensRegex's find() skips empty matches in
                // ways a yes/no answer would have to copy; not worth it for such patterns.
                return Optional.empty();
            }
            return Optional.of(new TokenReach(root));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the whole pattern is one lexicon alternation in its lookup form (for tests). */
    boolean looksUpWords() {
        return root instanceof Words;
    }

    /** Whether the pattern matches somewhere in {@code tokens}; only for sentences of at most {@link #MAX_TOKENS} tokens. */
    boolean matches(List<CoreLabel> tokens) {
        return firstStart(tokens) >= 0;
    }

    /**
     * The first token at which a match starts, or -1 when the pattern matches nowhere. TokensRegex tries
     * start positions in order and returns the first that matches, so starting it here finds the same
     * match without its failed attempts at the earlier positions.
     */
    int firstStart(List<CoreLabel> tokens) {
        return firstStart(sentence(tokens));
    }

    private Sentence sentence(List<CoreLabel> tokens) {
        int n = tokens.size();
        if (n > MAX_TOKENS) {
            throw new IllegalArgumentException("sentence of " + n + " tokens; at most " + MAX_TOKENS);
        }
        return new Sentence(new NodeVerdicts(tokens));
    }

    private int firstStart(Sentence s) {
        int n = s.n();
        if (n == 0) {
            return -1;
        }
        // A non-empty match starts at a token: boundaries 0..n-1. One pass over all of them answers the
        // common "nowhere"; only a sentence that matches is scanned start by start (token verdicts cached).
        if (root.reach((1L << n) - 1, s) == 0) {
            return -1;
        }
        for (int start = 0; start < n; start++) {
            if (root.reach(1L << start, s) != 0) {
                return start;
            }
        }
        throw new IllegalStateException("a match from some start but from none alone"); // reach is a union
    }

    /**
     * Where TokensRegex's first match in the sentence starts and ends.
     *
     * @param start the first token of the match; when {@code end} is -1, only a bound: no match starts
     *              before it
     * @param end   exclusive; -1 when the match was not worked out (the pattern is not
     *              spannable (a repeat of something that may match nothing), or the search ran over its
     *              step budget): then the
     *              caller runs TokensRegex from {@code start}
     */
    public record Hit(int start, int end) {
        public boolean complete() {
            return end >= 0;
        }
    }

    /**
     * The first match as TokensRegex reports it, or null when the pattern matches nowhere.
     *
     * <p>TokensRegex tries start positions in order and, at the first that matches, picks the match its
     * branch order prefers: alternatives in order, greedy repeats taking as many turns as can still lead
     * to a match, reluctant ones as few (the leftmost-first rule of Java and Perl regexes). A
     * backtracking search in that order finds that same match first.
     *
     * <p>Sentences that fit the position masks go through the reach test first, which answers the
     * common "nowhere" in one pass and gives the start; the search then runs once, from a start known to
     * match. Longer sentences are searched start by start. A step budget per start guards against
     * the exponential cases of backtracking (nested repeats); over it, the caller asks TokensRegex.
     */
    Hit firstMatch(List<CoreLabel> tokens) {
        return firstMatch(new NodeVerdicts(tokens));
    }

    /** {@link #firstMatch(List)}, reusing the token tests' verdicts on this sentence. */
    public Hit firstMatch(NodeVerdicts verdicts) {
        int n = verdicts.size();
        Sentence s = new Sentence(verdicts);
        if (n <= MAX_TOKENS) {
            int start = firstStart(s);
            if (start < 0) {
                return null;
            }
            return spans ? search(start, s) : new Hit(start, -1);
        }
        if (!spans) {
            return new Hit(0, -1);
        }
        for (int start = 0; start < n; start++) {
            Hit hit = search(start, s);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** The preferred match from {@code start}; null if none; an incomplete hit when over budget. */
    private Hit search(int start, Sentence s) {
        s.steps = 0;
        try {
            int end = root.first(start, s, ACCEPT);
            return end < 0 ? null : new Hit(start, end);
        } catch (OverBudget e) {
            return new Hit(start, -1);
        }
    }

    /** The sentence's token-test verdicts, and the search steps taken. */
    private static final class Sentence {
        /** Steps of one search from one start: thousands of times what the default patterns need. */
        private static final int STEP_BUDGET = 20_000;
        private final NodeVerdicts verdicts;
        private final int n;
        private int steps;

        Sentence(NodeVerdicts verdicts) {
            this.verdicts = verdicts;
            this.n = verdicts.size();
        }

        int n() {
            return n;
        }

        boolean accepts(Node node, int i) {
            return verdicts.accepts(node.id(), node.pattern(), i);
        }

        void step() {
            if (++steps > STEP_BUDGET) {
                throw OverBudget.INSTANCE;
            }
        }
    }

    /** Thrown when a span search takes too many steps; the caller falls back to TokensRegex. */
    private static final class OverBudget extends RuntimeException {
        static final OverBudget INSTANCE = new OverBudget();

        private OverBudget() {
            super(null, null, false, false);
        }
    }

    /** What follows an expression in the search: given where it ended, the end of the whole match or -1. */
    @FunctionalInterface
    private interface Rest {
        int from(int pos);
    }

    private static final Rest ACCEPT = pos -> pos;

    private sealed interface Expr permits Node, Seq, Or, Words, Repeat, Start, End {
        /** The boundaries at which the expression can end, started at any of {@code starts}. */
        long reach(long starts, Sentence s);

        /**
         * Leftmost-first search: tries the ways this expression can match from {@code pos} in TokensRegex's
         * order of preference, each followed by {@code rest}; the first end {@code rest} accepts, or -1.
         */
        int first(int pos, Sentence s, Rest rest);

        int minLength();
    }

    private record Node(NodePattern<CoreMap> pattern, int id) implements Expr {
        @Override
        public long reach(long starts, Sentence s) {
            long m = starts & ((1L << s.n()) - 1); // a token test needs a token after the boundary
            if (pattern == NodePattern.ANY_NODE) {
                return m << 1; // "[]": every token passes (the gaps of most patterns)
            }
            long ends = 0;
            while (m != 0) {
                int i = Long.numberOfTrailingZeros(m);
                m &= m - 1;
                if (s.accepts(this, i)) {
                    ends |= 1L << (i + 1);
                }
            }
            return ends;
        }

        @Override
        public int first(int pos, Sentence s, Rest rest) {
            s.step();
            return pos < s.n() && s.accepts(this, pos) ? rest.from(pos + 1) : -1;
        }

        @Override
        public int minLength() {
            return 1;
        }
    }

    private record Seq(List<Expr> parts) implements Expr {
        @Override
        public long reach(long starts, Sentence s) {
            long at = starts;
            for (Expr part : parts) {
                if (at == 0) {
                    return 0;
                }
                at = part.reach(at, s);
            }
            return at;
        }

        @Override
        public int first(int pos, Sentence s, Rest rest) {
            return from(0, pos, s, rest);
        }

        private int from(int part, int pos, Sentence s, Rest rest) {
            if (part == parts.size()) {
                return rest.from(pos);
            }
            return parts.get(part).first(pos, s, p -> from(part + 1, p, s, rest));
        }

        @Override
        public int minLength() {
            int sum = 0;
            for (Expr part : parts) {
                sum += part.minLength();
            }
            return sum;
        }
    }

    private record Or(List<Expr> alternatives) implements Expr {
        @Override
        public long reach(long starts, Sentence s) {
            long ends = 0;
            for (Expr a : alternatives) {
                ends |= a.reach(starts, s);
            }
            return ends;
        }

        @Override
        public int first(int pos, Sentence s, Rest rest) {
            for (Expr a : alternatives) {
                int end = a.first(pos, s, rest);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }

        @Override
        public int minLength() {
            int min = Integer.MAX_VALUE;
            for (Expr a : alternatives) {
                min = Math.min(min, a.minLength());
            }
            return min;
        }
    }

    /**
     * An alternation of lexicon words and phrases (what {@link LexiconPattern} builds: a node for the
     * one-word entries, then each multi-word entry as its first word followed by the rest), looked up by
     * the token's word and lemma instead of trying each alternative in turn. A lexicon of all targets
     * has a hundred first words; tried one by one they made most of the matching time.
     *
     * <p>Same matches in the same order as the {@link Or} it replaces: the alternatives a token can start
     * are tried in their order, and each alternative's phrase endings in theirs.
     *
     * @param firsts    per alternative, the words that may start it (its first node's word set)
     * @param tails     per alternative, the word sequences that may follow the first word, in order
     *                  (an alternative that is one node has a single empty tail)
     * @param byWord    for each word, the alternatives it may start, ascending
     */
    private record Words(List<Set<String>> firsts, List<List<String[]>> tails, Map<String, int[]> byWord) implements Expr {
        /** Below this many alternatives the plain {@link Or} is as quick. */
        private static final int MIN_ALTERNATIVES = 3;
        private static final int[] NONE = new int[0];

        /** The lookup form of these alternatives, or null when one of them is not a lexicon word or phrase. */
        static Words of(List<Expr> alternatives) {
            if (alternatives.size() < MIN_ALTERNATIVES) {
                return null;
            }
            List<Set<String>> firsts = new ArrayList<>();
            List<List<String[]>> tails = new ArrayList<>();
            for (Expr alternative : alternatives) {
                if (alternative instanceof Node n && n.pattern() instanceof LexiconPattern.WordSet set) {
                    firsts.add(set.words());
                    tails.add(List.<String[]>of(new String[0]));
                } else if (alternative instanceof Seq q && q.parts().size() == 2
                        && q.parts().get(0) instanceof Node n && n.pattern() instanceof LexiconPattern.WordSet set) {
                    List<String[]> ends = phrases(q.parts().get(1));
                    if (ends == null) {
                        return null;
                    }
                    firsts.add(set.words());
                    tails.add(ends);
                } else {
                    return null;
                }
            }
            Map<String, List<Integer>> index = new HashMap<>();
            for (int a = 0; a < firsts.size(); a++) {
                for (String w : firsts.get(a)) {
                    index.computeIfAbsent(w, k -> new ArrayList<>()).add(a);
                }
            }
            Map<String, int[]> byWord = new HashMap<>();
            index.forEach((w, list) -> byWord.put(w, list.stream().mapToInt(Integer::intValue).toArray()));
            return new Words(List.copyOf(firsts), List.copyOf(tails), Map.copyOf(byWord));
        }

        /** The word sequences of a phrase's rest: one word, a sequence of words, or a choice of those. */
        private static List<String[]> phrases(Expr e) {
            String[] one = sequence(e);
            if (one != null) {
                return List.<String[]>of(one);
            }
            if (e instanceof Words w) {
                // A choice of three or more endings was itself turned into a Words: spell its phrases out.
                List<String[]> out = new ArrayList<>();
                for (int a = 0; a < w.firsts().size(); a++) {
                    for (String[] tail : w.tails().get(a)) {
                        for (String first : w.firsts().get(a)) {
                            String[] seq = new String[tail.length + 1];
                            seq[0] = first;
                            System.arraycopy(tail, 0, seq, 1, tail.length);
                            out.add(seq);
                        }
                    }
                }
                return out;
            }
            if (!(e instanceof Or o)) {
                return null;
            }
            List<String[]> out = new ArrayList<>();
            for (Expr a : o.alternatives()) {
                String[] seq = sequence(a);
                if (seq == null) {
                    return null;
                }
                out.add(seq);
            }
            return out;
        }

        private static String[] sequence(Expr e) {
            String w = word(e);
            if (w != null) {
                return new String[] {w};
            }
            if (!(e instanceof Seq q)) {
                return null;
            }
            String[] out = new String[q.parts().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = word(q.parts().get(i));
                if (out[i] == null) {
                    return null;
                }
            }
            return out;
        }

        /** The single word a node tests, or null. */
        private static String word(Expr e) {
            return e instanceof Node n && n.pattern() instanceof LexiconPattern.WordSet set && set.words().size() == 1
                    ? set.words().iterator().next() : null;
        }

        /** The alternatives token {@code i} may start, ascending: by its word, its lemma, or both. */
        private int[] starting(int i, Sentence s) {
            String word = s.verdicts.lowerWord(i);
            String lemma = s.verdicts.lowerLemma(i);
            int[] a = byWord.getOrDefault(word, NONE);
            int[] b = lemma.equals(word) ? NONE : byWord.getOrDefault(lemma, NONE);
            if (b.length == 0) {
                return a;
            }
            if (a.length == 0) {
                return b;
            }
            int[] out = new int[a.length + b.length];
            int k = 0;
            for (int x = 0, y = 0; x < a.length || y < b.length; ) {
                int next = y == b.length || (x < a.length && a[x] <= b[y]) ? a[x++] : b[y++];
                if (k == 0 || out[k - 1] != next) {
                    out[k++] = next;
                }
            }
            return k == out.length ? out : java.util.Arrays.copyOf(out, k);
        }

        /** Whether the tokens from {@code from} are these words (each as word or lemma). */
        private static boolean follows(String[] tail, int from, Sentence s) {
            if (from + tail.length > s.n()) {
                return false;
            }
            for (int j = 0; j < tail.length; j++) {
                String w = tail[j];
                if (!w.equals(s.verdicts.lowerWord(from + j)) && !w.equals(s.verdicts.lowerLemma(from + j))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public long reach(long starts, Sentence s) {
            long m = starts & ((1L << s.n()) - 1);
            long ends = 0;
            while (m != 0) {
                int i = Long.numberOfTrailingZeros(m);
                m &= m - 1;
                for (int a : starting(i, s)) {
                    for (String[] tail : tails.get(a)) {
                        if (follows(tail, i + 1, s)) {
                            ends |= 1L << (i + 1 + tail.length);
                        }
                    }
                }
            }
            return ends;
        }

        @Override
        public int first(int pos, Sentence s, Rest rest) {
            s.step();
            if (pos >= s.n()) {
                return -1;
            }
            for (int a : starting(pos, s)) {
                for (String[] tail : tails.get(a)) {
                    s.step();
                    if (follows(tail, pos + 1, s)) {
                        int end = rest.from(pos + 1 + tail.length);
                        if (end >= 0) {
                            return end;
                        }
                    }
                }
            }
            return -1;
        }

        @Override
        public int minLength() {
            return 1;
        }
    }

    /** {@code max} -1: unbounded. */
    private record Repeat(Expr body, int min, int max, boolean greedy) implements Expr {
        @Override
        public long reach(long starts, Sentence s) {
            long cur = starts;
            for (int i = 0; i < min; i++) {
                cur = body.reach(cur, s);
                if (cur == 0) {
                    return 0;
                }
            }
            long ends = cur;
            // cur holds the ends after exactly k repetitions. Once it adds nothing to what fewer
            // repetitions reached, no further repetition can either (each step from a subset of the
            // earlier ends reaches a subset of the earlier steps' ends), so the loop stops.
            for (int k = min; max < 0 || k < max; k++) {
                cur = body.reach(cur, s);
                if ((cur & ~ends) == 0) {
                    break;
                }
                ends |= cur;
            }
            return ends;
        }

        @Override
        public int first(int pos, Sentence s, Rest rest) {
            return turn(0, pos, s, rest);
        }

        /** After {@code done} turns ending at {@code pos}: another turn, or stop, in the preferred order. */
        private int turn(int done, int pos, Sentence s, Rest rest) {
            s.step();
            boolean mayStop = done >= min;
            boolean mayGoOn = max < 0 || done < max;
            if (mayStop && !greedy) {
                int end = rest.from(pos);
                if (end >= 0) {
                    return end;
                }
            }
            if (mayGoOn) {
                // The body always consumes a token here (spannable patterns only), so the recursion ends.
                int end = body.first(pos, s, p -> turn(done + 1, p, s, rest));
                if (end >= 0) {
                    return end;
                }
            }
            return mayStop && greedy ? rest.from(pos) : -1;
        }

        @Override
        public int minLength() {
            return min * body.minLength();
        }
    }

    /** {@code ^}: only at the first boundary. */
    private record Start() implements Expr {
        @Override
        public long reach(long starts, Sentence s) {
            return starts & 1L;
        }

        @Override
        public int first(int pos, Sentence s, Rest rest) {
            return pos == 0 ? rest.from(pos) : -1;
        }

        @Override
        public int minLength() {
            return 0;
        }
    }

    /** {@code $}: only after the last token. */
    private record End() implements Expr {
        @Override
        public long reach(long starts, Sentence s) {
            return starts & (1L << s.n());
        }

        @Override
        public int first(int pos, Sentence s, Rest rest) {
            return pos == s.n() ? rest.from(pos) : -1;
        }

        @Override
        public int minLength() {
            return 0;
        }
    }

    /** The model of a TokensRegex expression, or null for one not modelled. */
    @SuppressWarnings("unchecked")
    private static Expr build(Object expr) throws ReflectiveOperationException {
        if (expr == null) {
            return null;
        }
        Class<?> c = expr.getClass();
        switch (c.getName()) {
            case SP + "NodePatternExpr": {
                Object node = field(c, "nodePattern").get(expr);
                if (!(node instanceof NodePattern<?>)) {
                    return null;
                }
                return new Node((NodePattern<CoreMap>) node, NodeVerdicts.id((NodePattern<?>) node));
            }
            case SP + "SequencePatternExpr": {
                List<Expr> parts = children(expr);
                return parts == null ? null : parts.size() == 1 ? parts.get(0) : new Seq(parts);
            }
            case SP + "OrPatternExpr": {
                List<Expr> parts = children(expr);
                if (parts == null) {
                    return null;
                }
                Words words = Words.of(parts);
                return parts.size() == 1 ? parts.get(0) : words != null ? words : new Or(parts);
            }
            case SP + "RepeatPatternExpr": {
                Expr body = build(field(c, "pattern").get(expr));
                int min = field(c, "minMatch").getInt(expr);
                int max = field(c, "maxMatch").getInt(expr);
                boolean greedy = field(c, "greedyMatch").getBoolean(expr);
                return body == null || min < 0 || (max >= 0 && max < min) ? null : new Repeat(body, min, max, greedy);
            }
            case SP + "GroupPatternExpr":
                return build(field(c, "pattern").get(expr));
            case SP + "SequenceStartPatternExpr":
                return new Start();
            case SP + "SequenceEndPatternExpr":
                return new End();
            default:
                return null;
        }
    }

    /** No repeat of an expression that can match zero tokens (its search could loop without consuming). */
    private static boolean spannable(Expr e) {
        if (e instanceof Repeat r) {
            return r.body().minLength() > 0 && spannable(r.body());
        }
        if (e instanceof Seq q) {
            return q.parts().stream().allMatch(TokenReach::spannable);
        }
        if (e instanceof Or o) {
            return o.alternatives().stream().allMatch(TokenReach::spannable);
        }
        return true;
    }

    private static List<Expr> children(Object expr) throws ReflectiveOperationException {
        List<?> children = (List<?>) field(expr.getClass(), "patterns").get(expr);
        if (children.isEmpty()) {
            return null;
        }
        List<Expr> out = new ArrayList<>(children.size());
        for (Object child : children) {
            Expr e = build(child);
            if (e == null) {
                return null;
            }
            out.add(e);
        }
        return out;
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        return Fields.of(c, name);
    }
}
