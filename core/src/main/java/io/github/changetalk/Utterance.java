package io.github.changetalk;

import java.util.List;
import java.util.Objects;

/**
 * What to classify: a turn's text, who said it, the turns before it (oldest first; rules with a
 * {@code context:} pattern read the counselor turn just before), and optionally the target behaviour
 * (a target name such as {@code alcohol}, or a topic such as "reducing alcohol consumption"; null for
 * the classifier's default targets).
 */
public record Utterance(String text, Speaker speaker, List<Turn> context, String target) {
    public Utterance {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(speaker, "speaker");
        context = List.copyOf(Objects.requireNonNull(context, "context"));
    }

    /** A client utterance with no context. */
    public static Utterance of(String text) {
        return new Utterance(text, Speaker.CLIENT, List.of(), null);
    }

    /** A client utterance answering the given counselor turn. */
    public static Utterance answering(String counselorTurn, String text) {
        return new Utterance(text, Speaker.CLIENT, List.of(Turn.counselor(counselorTurn)), null);
    }

    public Utterance withTarget(String newTarget) {
        return new Utterance(text, speaker, context, newTarget);
    }

    public Utterance withContext(List<Turn> newContext) {
        return new Utterance(text, speaker, newContext, target);
    }
}
