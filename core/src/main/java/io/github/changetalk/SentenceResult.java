package io.github.changetalk;

import java.util.List;

/**
 * The label of one sentence and the evidence for it. {@code begin}/{@code end} are character offsets
 * into the utterance text. {@code decidedBy} is the rule whose match gave the label (null when no rule
 * fired and the sentence is neutral by default). {@code parsed} tells whether the dependency parser ran.
 */
public record SentenceResult(int index, String text, int begin, int end,
                             Label label, Direction direction, Kind kind, String decidedBy,
                             List<Evidence> evidence, List<Veto> vetoed, boolean parsed, List<Notice> notices) {
    public SentenceResult {
        evidence = List.copyOf(evidence);
        vetoed = List.copyOf(vetoed);
        notices = List.copyOf(notices);
    }
}
