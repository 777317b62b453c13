package io.github.changetalk.internal.shortcut;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a sentence must contain for a pattern to have any chance of matching, as clauses that are all
 * required, each a set of lower-cased words ({@code w:want}) or lemmas ({@code l:want}) of which one
 * must be present: {@code [word:i] and [lemma:want, lemma:wish]}. {@link #ANY} (no clause) means no
 * requirement could be derived, and the pattern is tried on every sentence.
 *
 * <p>Triggers are necessary conditions, never guesses: a pattern whose trigger is not satisfied cannot
 * match, so skipping it (and the dependency parse it would need) never changes a label. Dropping a
 * clause only weakens the condition, so the number of clauses can be capped safely.
 *
 * <p>The rule index uses one clause, the rarest ({@link #keys()}); checking every clause before
 * running a pattern is a few hash lookups, far cheaper than a TokensRegex or Semgrex attempt.
 */
public final class Trigger {
    public static final Trigger ANY = new Trigger(List.of());
    /** Caps the clause count when an alternation is distributed over conjunctions. */
    private static final int MAX_CLAUSES = 8;

    /**
     * One required clause: any of these keys. Its {@code cost}, a rough count of the sentences it selects
     * (see {@link #wordCost}), is worked out once, when it is made. Clauses are told apart by identity: a
     * trigger holds each clause object once, and equal clauses made apart stay two (comparing large word
     * sets would cost more than it saves). Immutable.
     */
    public static final class Clause {
        private final Set<String> keys;
        private final int cost;

        private Clause(Set<String> keys, int cost) {
            this.keys = keys;
            this.cost = cost;
        }

        static Clause of(Set<String> keys) {
            // The cost counts each word once, whether as a word key, a lemma key or both.
            Set<String> words = new HashSet<>(keys.size());
            int cost = 0;
            for (String key : keys) {
                String word = key.substring(2);
                if (words.add(word)) {
                    cost += wordCost(word);
                }
            }
            return new Clause(keys, cost);
        }

        /** A clause as written down with its cost (the command line's pattern index); {@code keys} must not change. */
        public static Clause of(Set<String> keys, int cost) {
            return new Clause(keys, cost);
        }

        public Set<String> keys() {
            return keys;
        }

        public int cost() {
            return cost;
        }

        /** An equal clause that is a different object, sharing the same key set. */
        public Clause twin() {
            return new Clause(keys, cost);
        }
    }

    private final List<Clause> clauses; // sorted rarest first

    /** Clauses combined per side by {@link #or}: the product of all of them grows too fast to build. */
    private static final int OR_CLAUSES = 3;
    /** Up to this many alternatives, {@link #anyOf} combines them exactly by {@link #or}. */
    private static final int EXACT_OR_PARTS = 3;

    private Trigger(List<Clause> clauses) {
        // Duplicates come from and-ing triggers that share a clause object; comparing by identity
        // avoids hashing large word sets.
        List<Clause> sorted = new ArrayList<>(clauses.size());
        for (Clause c : clauses) {
            if (sorted.stream().noneMatch(d -> d == c)) {
                sorted.add(c);
            }
        }
        sorted.sort(Comparator.comparingInt(Clause::cost));
        this.clauses = List.copyOf(sorted.subList(0, Math.min(sorted.size(), MAX_CLAUSES)));
    }

    /** One clause: any of these keys; no keys gives {@link #ANY}. */
    public static Trigger of(Collection<String> keys) {
        return keys.isEmpty() ? ANY : new Trigger(List.of(Clause.of(Set.copyOf(keys))));
    }

    /** A trigger of these clauses, as {@link #clauses()} gave them (for the command line's pattern index). */
    public static Trigger ofClauses(List<Clause> clauses) {
        return clauses.isEmpty() ? ANY : new Trigger(clauses);
    }

    /** Every clause, rarest first; empty for {@link #ANY}. */
    public List<Clause> clauses() {
        return clauses;
    }

    public static String wordKey(String word) {
        return "w:" + word.toLowerCase(Locale.ROOT);
    }

    public static String lemmaKey(String lemma) {
        return "l:" + lemma.toLowerCase(Locale.ROOT);
    }

    public boolean isAny() {
        return clauses.isEmpty();
    }

    /** The keys of the rarest clause, used to index rules; empty for {@link #ANY}. */
    public Set<String> keys() {
        return clauses.isEmpty() ? Set.of() : clauses.get(0).keys();
    }

    /** Whether every clause has a key in the sentence. */
    public boolean satisfiedBy(Set<String> sentenceKeys) {
        for (Clause clause : clauses) {
            if (!hits(clause.keys(), sentenceKeys)) {
                return false;
            }
        }
        return true;
    }

    /** Whether one of {@code triggers} is satisfied by these keys; false for null or no triggers. */
    public static boolean anySatisfied(List<Trigger> triggers, Set<String> keys) {
        if (triggers == null) {
            return false;
        }
        for (Trigger t : triggers) {
            if (t.satisfiedBy(keys)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hits(Set<String> clause, Set<String> sentenceKeys) {
        // A lexicon's clause can hold hundreds of keys, a sentence a few dozen: look up the smaller side.
        if (clause.size() > sentenceKeys.size()) {
            for (String key : sentenceKeys) {
                if (clause.contains(key)) {
                    return true;
                }
            }
            return false;
        }
        for (String key : clause) {
            if (sentenceKeys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Either trigger suffices: (a1 and a2) or (b1) = (a1 or b1) and (a2 or b1); ANY if either is ANY. */
    public Trigger or(Trigger other) {
        if (isAny() || other.isAny()) {
            return ANY;
        }
        // Dropping clauses only weakens a necessary condition, so only the rarest few of each side
        // are combined: the condition stays sound and its size bounded.
        List<Clause> out = new ArrayList<>();
        for (Clause a : clauses.subList(0, Math.min(OR_CLAUSES, clauses.size()))) {
            for (Clause b : other.clauses.subList(0, Math.min(OR_CLAUSES, other.clauses.size()))) {
                Set<String> union = new HashSet<>(a.keys());
                union.addAll(b.keys());
                out.add(Clause.of(union));
            }
        }
        return new Trigger(out);
    }

    /**
     * Any one of the parts suffices. A few parts are combined exactly as by {@link #or}; many (the
     * alternatives of a long lexicon or pattern list) in one pass: clause k is the union of each part's
     * k-th rarest clause (its last, when it has fewer). That is sound, since every part requires each
     * of its own clauses, and linear in the total size, where folding {@code or} pairwise copied ever
     * larger sets (quadratic: seconds at start-up for the default packs).
     */
    public static Trigger anyOf(List<Trigger> parts) {
        if (parts.isEmpty()) {
            return ANY;
        }
        for (Trigger t : parts) {
            if (t.isAny()) {
                return ANY;
            }
        }
        if (parts.size() <= EXACT_OR_PARTS) {
            Trigger t = parts.get(0);
            for (int i = 1; i < parts.size(); i++) {
                t = t.or(parts.get(i));
            }
            return t;
        }
        int width = 0;
        for (Trigger t : parts) {
            width = Math.max(width, Math.min(OR_CLAUSES, t.clauses.size()));
        }
        List<Clause> out = new ArrayList<>(width);
        for (int k = 0; k < width; k++) {
            Set<String> union = new HashSet<>();
            for (Trigger t : parts) {
                union.addAll(t.clauses.get(Math.min(k, t.clauses.size() - 1)).keys());
            }
            out.add(Clause.of(union));
        }
        return new Trigger(out);
    }

    /** Every part is required. */
    public static Trigger allOf(List<Trigger> parts) {
        Trigger t = ANY;
        for (Trigger part : parts) {
            t = t.and(part);
        }
        return t;
    }

    /** Both are required: all clauses of both. */
    public Trigger and(Trigger other) {
        if (isAny()) {
            return other;
        }
        if (other.isAny()) {
            return this;
        }
        List<Clause> out = new ArrayList<>(clauses);
        out.addAll(other.clauses);
        return new Trigger(out);
    }

    /**
     * The cost of one word in a clause. A clause's cost is a rough count of how many sentences it
     * selects: each distinct word costs 1, a common conversational word 25, and a word in nearly every
     * client sentence ("I", punctuation) 100; a word and its lemma count once ({@link Clause#of}).
     */
    static int wordCost(String word) {
        return UBIQUITOUS.contains(word) ? 100 : COMMON.contains(word) ? 25 : 1;
    }

    int cost() {
        return clauses.isEmpty() ? Integer.MAX_VALUE : clauses.get(0).cost();
    }

    /** Words in almost every client sentence. */
    private static final Set<String> UBIQUITOUS = Set.of("i", "be", "it", "the", "a", "to", "and", ".", ",", "'s",
            "'m", "do", "that", "you", "not", "n't");

    /** Words in many conversational sentences; as triggers they select a large share. */
    private static final Set<String> COMMON = Set.of(
            "he", "she", "we", "they", "me", "my", "your", "an", "or", "but", "so", "of", "in", "on", "at", "for",
            "with", "this", "is", "am", "are", "was", "does", "did", "have", "has", "had", "just", "like", "know",
            "mean", "yeah", "um", "uh", "well", "get", "go", "'re", "'ve", "'ll", "'d", "what", "if", "can", "ca",
            "will", "would", "really", "think", "there", "about", "?", "!", "no", "yes", "want", "all", "out",
            "up", "now", "then", "when", "because", "could", "should", "time", "one", "some", "more",
            "lot", "much", "kind", "thing", "feel", "say", "make", "take", "back", "good", "right", "okay");

    /** Human-readable keys of the indexing clause, e.g. {@code lemma:want}. */
    public List<String> describe() {
        TreeSet<String> out = new TreeSet<>();
        for (String key : keys()) {
            out.add((key.startsWith("w:") ? "word:" : "lemma:") + key.substring(2));
        }
        return List.copyOf(out);
    }

    /** Every clause, e.g. {@code [word:i] and [lemma:want]}. */
    @Override
    public String toString() {
        if (isAny()) {
            return "ANY";
        }
        List<String> parts = new ArrayList<>();
        for (Clause clause : clauses) {
            parts.add(Trigger.of(clause.keys()).describe().toString());
        }
        return String.join(" and ", parts);
    }
}
