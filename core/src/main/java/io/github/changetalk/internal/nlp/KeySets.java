package io.github.changetalk.internal.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import io.github.changetalk.internal.rules.Trigger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the trigger keys of a token list. */
public final class KeySets {
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
}
