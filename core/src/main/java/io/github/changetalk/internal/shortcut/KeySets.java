package io.github.changetalk.internal.shortcut;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.Morphology;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the trigger keys of a token list. */
public final class KeySets {
    /** Every Penn Treebank tag the tagger can assign: the lemma of a word depends only on its tag. */
    private static final String[] TAGS = {"CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN",
        "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD",
        "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "HYPH", "ADD", "AFX", "NFP", "GW", "XX", ".", ",", ":",
        "``", "''", "-LRB-", "-RRB-", "$", "#"};

    private KeySets() {
    }

    public static Set<String> of(List<CoreLabel> tokens) {
        Set<String> keys = new HashSet<>(tokens.size() * 4);
        for (CoreLabel t : tokens) {
            if (t.word() != null) {
                keys.add(Trigger.wordKey(t.word()));
            }
            if (t.lemma() != null) {
                keys.add(Trigger.lemmaKey(t.lemma()));
            }
        }
        return keys;
    }

    /**
     * The keys these untagged tokens could have once tagged: each word, and its lemma under every tag.
     * A superset of {@link #of} on the tagged tokens (a test checks this on every testdata sentence), so
     * that a sentence whose possible keys satisfy no trigger is known, before tagging, to match no rule.
     */
    public static Set<String> possible(List<CoreLabel> tokens) {
        Set<String> keys = new HashSet<>(tokens.size() * 4);
        Morphology morphology = null;
        for (CoreLabel t : tokens) {
            String word = t.word();
            if (word == null) {
                continue;
            }
            String[] known = POSSIBLE.get(word);
            if (known == null) {
                if (morphology == null) {
                    morphology = new Morphology(); // not thread-safe: one per call
                }
                known = possibleKeys(word, morphology);
                if (POSSIBLE.size() < POSSIBLE_CACHE_WORDS) {
                    POSSIBLE.put(word, known);
                }
            }
            java.util.Collections.addAll(keys, known);
        }
        return keys;
    }

    private static String[] possibleKeys(String word, Morphology morphology) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        keys.add(Trigger.wordKey(word));
        keys.add(Trigger.lemmaKey(word));
        for (String tag : TAGS) {
            String lemma = morphology.lemma(word, tag);
            if (lemma != null) {
                keys.add(Trigger.lemmaKey(lemma));
            }
        }
        return keys.toArray(new String[0]);
    }

    /**
     * Each word's possible keys, worked out once (every tag is a run of the lemmatizer): client speech
     * reuses a few thousand words. Bounded so that a long odd input cannot grow it without end.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String[]> POSSIBLE =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int POSSIBLE_CACHE_WORDS = 50_000;
}
