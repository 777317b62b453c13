package io.github.changetalk.internal.rules;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a sentence must contain for a pattern to have any chance of matching: one of a set of
 * lower-cased words ({@code w:want}) or lemmas ({@code l:want}). {@link #ANY} means no such
 * requirement could be derived, and the pattern is tried on every sentence.
 *
 * <p>Triggers are necessary conditions, never guesses: a pattern whose trigger is absent cannot
 * match, so skipping it (and the dependency parse it would need) never changes a label.
 */
public final class Trigger {
    public static final Trigger ANY = new Trigger(null);

    private final Set<String> keys;

    private Trigger(Set<String> keys) {
        this.keys = keys;
    }

    public static Trigger of(Collection<String> keys) {
        return keys.isEmpty() ? ANY : new Trigger(Set.copyOf(keys));
    }

    public static String wordKey(String word) {
        return "w:" + word.toLowerCase(java.util.Locale.ROOT);
    }

    public static String lemmaKey(String lemma) {
        return "l:" + lemma.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isAny() {
        return keys == null;
    }

    /** The keys; empty for {@link #ANY}. */
    public Set<String> keys() {
        return keys == null ? Set.of() : keys;
    }

    public boolean satisfiedBy(Set<String> sentenceKeys) {
        if (keys == null) {
            return true;
        }
        for (String key : keys) {
            if (sentenceKeys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Either trigger's keys suffice: the union, or ANY if either is ANY. */
    public Trigger or(Trigger other) {
        if (isAny() || other.isAny()) {
            return ANY;
        }
        Set<String> union = new java.util.HashSet<>(keys);
        union.addAll(other.keys);
        return new Trigger(union);
    }

    /**
     * Both are required, so either alone is a valid necessary condition: keep the one fewer sentences
     * have. "I" or "to" are in most client sentences, so they cost far more than a content word.
     */
    public Trigger and(Trigger other) {
        if (isAny()) {
            return other;
        }
        if (other.isAny()) {
            return this;
        }
        return cost() <= other.cost() ? this : other;
    }

    /** A rough count of how often this trigger fires: each key costs 1, or 40 for a very common word. */
    int cost() {
        int cost = 0;
        for (String key : keys) {
            cost += COMMON.contains(key.substring(2)) ? 40 : 1;
        }
        return cost;
    }

    /** Words in most conversational sentences; as triggers they would select almost everything. */
    private static final Set<String> COMMON = Set.of(
            "i", "you", "he", "she", "it", "we", "they", "me", "my", "your", "the", "a", "an", "and", "or",
            "but", "so", "to", "of", "in", "on", "at", "for", "with", "that", "this", "is", "be", "am", "are",
            "was", "do", "does", "did", "have", "has", "had", "not", "n't", "just", "like", "know", "mean",
            "yeah", "um", "uh", "well", "get", "go", "'s", "'m", "'re", "'ve", "'ll", "'d", "what", "if",
            "can", "ca", "will", "would", "really", "think", "there", "about", ".", ",", "?", "!");

    /** Human-readable keys, e.g. {@code lemma:want}. */
    public List<String> describe() {
        TreeSet<String> out = new TreeSet<>();
        for (String key : keys()) {
            out.add((key.startsWith("w:") ? "word:" : "lemma:") + key.substring(2));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return isAny() ? "ANY" : describe().toString();
    }
}
