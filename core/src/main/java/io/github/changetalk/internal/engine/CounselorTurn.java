package io.github.changetalk.internal.engine;

import io.github.changetalk.ContextWindow;
import io.github.changetalk.Turn;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.List;

/**
 * The counselor turn a client utterance answers, worked out once per utterance: found in the context
 * ({@link ContextWindow#answeredTurn}), made safe and cut to length as client text is, and analysed on first use, as said (for rules' {@code context:} patterns) and read in the client's
 * voice (for short answers, see {@link ClientVoice}). Not thread-safe: it belongs to one call.
 */
final class CounselorTurn {
    private static final CounselorTurn NONE = new CounselorTurn(null, null);

    private final String text; // sanitized and cut; null when the utterance answers no counselor turn
    private final Engine.Analysis analyzer;
    private List<SentenceView> asSaid;
    private String voiced;
    private List<SentenceView> inClientVoice;

    private CounselorTurn(String text, Engine.Analysis analyzer) {
        this.text = text;
        this.analyzer = analyzer;
    }

    /** The counselor turn an utterance with this context answers, prepared by {@code prepare} (sanitize and cut). */
    static CounselorTurn before(List<Turn> context, java.util.function.UnaryOperator<String> prepare, Engine.Analysis analyzer) {
        Turn answered = ContextWindow.answeredTurn(context);
        return answered == null ? NONE : new CounselorTurn(prepare.apply(answered.text()), analyzer);
    }

    /** The turn's text, made safe and cut; null when there is none. */
    String text() {
        return text;
    }

    /** Whether the utterance answers a counselor turn. */
    boolean present() {
        return text != null;
    }

    /** The turn's sentences as said; none when there is no turn. */
    List<SentenceView> asSaid() {
        if (asSaid == null) {
            asSaid = text == null ? List.of() : analyzer.analyze(text, null);
        }
        return asSaid;
    }

    /** The turn read in the client's voice ("So you want to quit" becomes "So I want to quit"); null when there is no turn. */
    String voiced() {
        if (voiced == null && text != null) {
            voiced = ClientVoice.of(text);
        }
        return voiced;
    }

    /** The sentences of {@link #voiced()}; none when there is no turn. */
    List<SentenceView> inClientVoice() {
        if (inClientVoice == null) {
            inClientVoice = text == null ? List.of() : analyzer.analyze(voiced(), null);
        }
        return inClientVoice;
    }
}
