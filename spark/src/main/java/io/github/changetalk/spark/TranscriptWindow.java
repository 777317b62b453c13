package io.github.changetalk.spark;

import io.github.changetalk.Speaker;
import io.github.changetalk.Turn;
import io.github.changetalk.Utterance;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The context a turn is classified with in per-session mode: the two turns before it in its session,
 * whoever said them, exactly as {@link io.github.changetalk.Classifier#classifyTranscript} builds it
 * ({@code SessionRecordChecks}, run by {@code ClassifyJobTest} and {@code LocalClusterIT}, checks the
labels against that method on every testdata session).
 *
 * <p>This is the job's only definition of the window. It is rebuilt here rather than obtained by
 * calling {@code classifyTranscript}, because a session is streamed (a file without a session column
 * is one session of any length, and must not be held in memory) and each row may name its own target.
 * When core exports a shared definition of the window, {@link #next} is the one place to use it.
 */
final class TranscriptWindow {
    static final int TURNS = 2;

    private final ArrayDeque<Turn> previous = new ArrayDeque<>(TURNS + 1);

    /** A new session starts: no turn before the next one. */
    void reset() {
        previous.clear();
    }

    /** The utterance for this turn with the turns before it; then the turn becomes context for the next. */
    Utterance next(String text, Speaker speaker, String target) {
        Utterance u = new Utterance(text, speaker, List.copyOf(previous), target);
        previous.addLast(new Turn(speaker, text));
        if (previous.size() > TURNS) {
            previous.removeFirst();
        }
        return u;
    }

    /** Per-utterance mode: the turn alone. */
    static Utterance alone(String text, Speaker speaker, String target) {
        return new Utterance(text, speaker, List.of(), target);
    }
}
