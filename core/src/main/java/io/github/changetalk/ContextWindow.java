package io.github.changetalk;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The turns before an utterance that the classifier reads as its context, kept as a conversation goes
 * on. This is the one definition used by {@link Classifier#classifyTranscript} and by the
 * {@code changetalk} command (per session), so that a transcript gets the same labels through either:
 * <ul>
 *   <li>the context of a turn is the last {@value #TURNS} turns before it, oldest first;</li>
 *   <li>a blank turn (empty, or white space only) says nothing: it is not context and pushes no turn out,
 *       so a counselor's question still comes just before an answer written after an empty line;</li>
 *   <li>rules' {@code context:} patterns and short answers read the counselor turn just before
 *       ({@link #answeredTurn}).</li>
 * </ul>
 * Not thread-safe: one per conversation, given its turns in order.
 */
public final class ContextWindow {
    /** How many turns before an utterance are its context. */
    public static final int TURNS = 2;

    private final ArrayDeque<Turn> turns = new ArrayDeque<>(TURNS + 1);

    /** A window for a conversation about to start: no context yet. */
    public ContextWindow() {
    }

    /** The context for the next turn: up to {@value #TURNS} turns, oldest first, none of them blank. */
    public List<Turn> context() {
        return List.copyOf(turns);
    }

    /** Records a turn as said; a blank turn is left out. */
    public void add(Turn turn) {
        if (turn.text().isBlank()) {
            return;
        }
        turns.addLast(turn);
        if (turns.size() > TURNS) {
            turns.removeFirst();
        }
    }

    /** The utterance to classify for this turn, with the context as it stands, then records the turn. */
    public Utterance next(Turn turn, String target) {
        Utterance u = new Utterance(turn.text(), turn.speaker(), context(), target);
        add(turn);
        return u;
    }

    /**
     * The counselor turn an utterance with this context answers: its last turn that is not blank, when
     * that is the counselor's; otherwise null.
     */
    public static Turn answeredTurn(List<Turn> context) {
        for (int i = context.size() - 1; i >= 0; i--) {
            Turn t = context.get(i);
            if (!t.text().isBlank()) {
                return t.speaker() == Speaker.COUNSELOR ? t : null;
            }
        }
        return null;
    }
}
