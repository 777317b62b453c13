package io.github.changetalk.internal.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.Morphology;
import io.github.changetalk.internal.rules.Trigger;
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
     * A superset of {@link #of} on the tagged tokens (up to the tagger choosing a tag not listed), used to
     * decide before tagging whether the parser will be needed; a miss only delays the parser load.
     */
    static Set<String> possible(List<CoreLabel> tokens) {
        Morphology morphology = new Morphology();
        Set<String> keys = new HashSet<>(tokens.size() * 8);
        for (CoreLabel t : tokens) {
            String word = t.word();
            if (word == null) {
                continue;
            }
            keys.add(Trigger.wordKey(word));
            keys.add(Trigger.lemmaKey(word));
            for (String tag : TAGS) {
                String lemma = morphology.lemma(word, tag);
                if (lemma != null) {
                    keys.add(Trigger.lemmaKey(lemma));
                }
            }
        }
        return keys;
    }
}
