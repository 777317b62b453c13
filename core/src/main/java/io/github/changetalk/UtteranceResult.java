package io.github.changetalk;

import java.util.List;

/**
 * The result for one utterance (turn). For client turns, {@code label}, {@code direction} and
 * {@code kind} roll the sentences up by the documented policy (see {@link Classifier}); {@code kind}
 * is null for neutral, and {@code coding} is null. For counselor turns all three are null and there are
 * no client sentences: {@code coding} holds the turn's helper-side coding (its behaviour, MISC code and
 * sentences), or is null when no counselor pack is loaded.
 */
public record UtteranceResult(String text, Speaker speaker, Label label, Direction direction, Kind kind,
                              List<SentenceResult> sentences, List<Notice> notices, CounselorCoding coding) {
    public UtteranceResult {
        sentences = List.copyOf(sentences);
        notices = List.copyOf(notices);
    }

    /** A result with no counselor coding (a client turn, or a counselor turn left uncoded). */
    public UtteranceResult(String text, Speaker speaker, Label label, Direction direction, Kind kind,
                           List<SentenceResult> sentences, List<Notice> notices) {
        this(text, speaker, label, direction, kind, sentences, notices, null);
    }

    /** True when this turn was labelled (a client turn). */
    public boolean labelled() {
        return label != null;
    }

    /** True when this is a counselor turn with its coding. */
    public boolean coded() {
        return coding != null;
    }
}
