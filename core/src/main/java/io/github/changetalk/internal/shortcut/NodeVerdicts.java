package io.github.changetalk.internal.shortcut;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.util.CoreMap;
import io.github.changetalk.internal.compile.LexiconPattern;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What each token test ({@code [{word:/(?i)i/}]}, a lexicon) said about each token of one sentence,
 * shared by every pattern matched on that sentence: the same test recurs in dozens of patterns ("I",
 * the lexicons of wanting or of the target behaviour), and each is now run at most once per token.
 *
 * <p>Tests are identified JVM-wide by what they test: a lexicon by its word set, any other TokensRegex
 * node by its class and description (TokensRegex describes a node by its annotation keys and regexes or
 * strings). Not thread-safe: one instance belongs to one sentence of one call.
 */
public final class NodeVerdicts {
    private static final ConcurrentHashMap<Object, Integer> IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final List<CoreLabel> tokens;
    private byte[] verdicts = new byte[0]; // [test id * n + token]: 0 unknown, 1 no, 2 yes
    private String[] lowerWords; // lexicon tests compare lower-cased word and lemma: lower-cased once per token
    private String[] lowerLemmas;

    public NodeVerdicts(List<CoreLabel> tokens) {
        this.tokens = tokens;
    }

    /** The id of a token test, the same for every node that tests the same thing. */
    static int id(NodePattern<?> node) {
        if (node instanceof LexiconPattern.WordSet set) {
            return idOfWords(set.words());
        }
        return IDS.computeIfAbsent(List.of(node.getClass().getName(), String.valueOf(node)), k -> NEXT.getAndIncrement());
    }

    /** The id of a lexicon's test, by its words (two lexicons with the same words test the same thing). */
    private static int idOfWords(java.util.Set<String> words) {
        return IDS.computeIfAbsent(words, k -> NEXT.getAndIncrement());
    }

    int size() {
        return tokens.size();
    }

    /** Whether the test {@code node} (id {@code id}) accepts token {@code i}, running it on first ask. */
    boolean accepts(int id, NodePattern<CoreMap> node, int i) {
        int n = tokens.size();
        int at = id * n + i;
        if (at >= verdicts.length) {
            verdicts = Arrays.copyOf(verdicts, Math.max(at + 1, Math.min(2 * verdicts.length + n, (NEXT.get() + 1) * n)));
        }
        byte v = verdicts[at];
        if (v == 0) {
            boolean yes = node instanceof LexiconPattern.WordSet set ? set.matchesLowerCased(lowerWord(i), lowerLemma(i))
                    : node.match(tokens.get(i));
            v = yes ? (byte) 2 : (byte) 1;
            verdicts[at] = v;
        }
        return v == 2;
    }

    /** Token {@code i}'s word, lower-cased once per sentence ("" when it has none). */
    String lowerWord(int i) {
        if (lowerWords == null) {
            lowerWords = new String[tokens.size()];
        }
        return lowerOnce(lowerWords, i, false);
    }

    /** Token {@code i}'s lemma, lower-cased once per sentence ("" when it has none). */
    String lowerLemma(int i) {
        if (lowerLemmas == null) {
            lowerLemmas = new String[tokens.size()];
        }
        return lowerOnce(lowerLemmas, i, true);
    }

    private String lowerOnce(String[] cache, int i, boolean lemma) {
        String s = cache[i];
        if (s == null) {
            s = lower(lemma ? tokens.get(i).lemma() : tokens.get(i).word());
            cache[i] = s;
        }
        return s;
    }

    /** Lower-cased, or "" for a missing annotation (no lexicon entry is empty). */
    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }
}
