package io.github.changetalk;

import java.util.List;

/**
 * The result for one utterance (turn). For client turns, {@code label}, {@code direction} and
 * {@code kind} roll the sentences up by the documented policy (see {@link Classifier}); {@code kind}
 * is null for neutral. For counselor turns all three are null and there are no sentences: they are
 * context, not labelled.
 */
public record UtteranceResult(String text, Speaker speaker, Label label, Direction direction, Kind kind,
                              List<SentenceResult> sentences, List<Notice> notices) {
    public UtteranceResult {
        sentences = List.copyOf(sentences);
        notices = List.copyOf(notices);
    }

    /** True when this turn was labelled (a client turn). */
    public boolean labelled() {
        return label != null;
    }
}
