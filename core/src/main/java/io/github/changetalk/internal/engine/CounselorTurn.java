package io.github.changetalk.internal.engine;

import io.github.changetalk.ContextWindow;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Turn;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The counselor turn a client utterance answers, worked out once per utterance: found in the context
 * ({@link ContextWindow#answeredTurn}), made safe and cut to length as client text is, and analysed on
 * first use, as said (for rules' {@code context:} patterns) and read in the client's voice (for short
 * answers, see {@link ClientVoice}). Its coding ({@link #coding()}, for rules' {@code after:}) is the one
 * the turn carries in the context when it was coded already ({@link Turn#coding()}), else it is worked
 * out here on first use, from the turns of the context before it. Not thread-safe: it belongs to one call.
 */
final class CounselorTurn {
    private static final CounselorTurn NONE = new CounselorTurn(null, null, null, List.of(), null);

    private final String text; // sanitized and cut; null when the utterance answers no counselor turn
    private final Engine.Analysis analyzer;
    private final CounselorCoding attached;
    private final List<Turn> before; // the context's turns before the counselor turn
    private final BiFunction<String, List<Turn>, CounselorCoding> coder;
    private List<SentenceView> asSaid;
    private String voiced;
    private CounselorCoding coded;
    private boolean codedYet;

    private CounselorTurn(String text, Engine.Analysis analyzer, CounselorCoding attached, List<Turn> before,
                          BiFunction<String, List<Turn>, CounselorCoding> coder) {
        this.text = text;
        this.analyzer = analyzer;
        this.attached = attached;
        this.before = before;
        this.coder = coder;
    }

    /**
     * The counselor turn an utterance with this context answers, prepared by {@code prepare} (sanitize and
     * cut); {@code coder} codes a prepared counselor text given the turns before it.
     */
    static CounselorTurn before(List<Turn> context, UnaryOperator<String> prepare, Engine.Analysis analyzer,
                                BiFunction<String, List<Turn>, CounselorCoding> coder) {
        Turn answered = ContextWindow.answeredTurn(context);
        if (answered == null) {
            return NONE;
        }
        int at = context.lastIndexOf(answered);
        return new CounselorTurn(prepare.apply(answered.text()), analyzer, answered.coding(),
                List.copyOf(context.subList(0, at)), coder);
    }

    /** The turn's text, made safe and cut; null when there is none. */
    String text() {
        return text;
    }

    /** Whether the utterance answers a counselor turn. */
    boolean present() {
        return text != null;
    }

    /** The coding the turn came with in the context, or null. */
    CounselorCoding attached() {
        return attached;
    }

    /** The turn's coding: the one it came with, else worked out now; null when there is no turn, or no counselor rule. */
    CounselorCoding coding() {
        if (attached != null || text == null) {
            return attached;
        }
        if (!codedYet) {
            coded = coder.apply(text, before);
            codedYet = true;
        }
        return coded;
    }

    /** The turn's coding when it is known without coding it now (attached, or coded already); else null. */
    CounselorCoding codingIfKnown() {
        return attached != null ? attached : coded;
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
}
