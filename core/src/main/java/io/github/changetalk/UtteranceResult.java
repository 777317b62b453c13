package io.github.changetalk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The result for one utterance (turn). For client turns, {@code label}, {@code direction} and
 * {@code kind} are decided by the documented policy (see {@link Classifier}): the evidence weights, or
 * without them the roll-up of the sentences; {@code kind} is null for neutral, and {@code coding} is null.
 * {@code weighing} says how the weights decided (null without weights). For counselor turns label,
 * direction and kind are null and there are no client sentences: {@code coding} holds the turn's
 * helper-side coding (its behaviour, MISC code and sentences), or is null when no counselor pack is loaded.
 */
public record UtteranceResult(String text, Speaker speaker, Label label, Direction direction, Kind kind,
                              List<SentenceResult> sentences, List<Notice> notices, CounselorCoding coding,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Weighing weighing) {
    public UtteranceResult {
        sentences = List.copyOf(sentences);
        notices = List.copyOf(notices);
    }

    /** A result with no counselor coding and decided without evidence weights. */
    public UtteranceResult(String text, Speaker speaker, Label label, Direction direction, Kind kind,
                           List<SentenceResult> sentences, List<Notice> notices) {
        this(text, speaker, label, direction, kind, sentences, notices, null, null);
    }

    /** True when this turn was labelled (a client turn). */
    public boolean labelled() {
        return label != null;
    }

    /**
     * The rule behind the turn's label: that of the last sentence carrying the turn's label that a rule
     * decided (for change or sustain talk, the sentence the label rolls up from), or null when no rule
     * decided one (a turn neutral because nothing fired, or a counselor turn).
     */
    public String decidingRule() {
        for (int i = sentences.size() - 1; i >= 0; i--) {
            SentenceResult s = sentences.get(i);
            if (s.label() == label && s.decidedBy() != null) {
                return s.decidedBy();
            }
        }
        return null;
    }

    /** True when this is a counselor turn with its coding. */
    public boolean coded() {
        return coding != null;
    }
}
