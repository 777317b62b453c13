package io.github.changetalk.internal.helper;

import io.github.changetalk.CounselorCoding.ReflectionKind;

/**
 * Simple or complex, decided once for a turn's reflections together (helper-study section 3): a complex
 * reflection adds meaning the client did not say, a simple one repeats or rephrases. Signals of added
 * meaning are counted from the rules: each distinct {@code cue: complex} rule that fired on words the
 * client did not use counts one, a sentence a {@code code: CR} rule decided (both sides of ambivalence, a
 * summary) counts two. The reflection is complex when
 * <ul>
 *   <li>it has {@value #SIGNALS} or more signals, or</li>
 *   <li>it has one signal and repeats few of the client's words (overlap below {@value #LOW_OVERLAP}), or</li>
 *   <li>it is long ({@value #LONG_WORDS}+ words): a summary or a reflection that goes well past the client's
 *       words, which MISC codes complex however many of the client's words it reuses (a summary gathers them),</li>
 * </ul>
 * overlap being {@link WordOverlap#share} with the client turn before. Hand-set points from MISC's
 * definitions, checked on the study fold only. (An earlier version also asked a long reflection to reuse
 * under 15% of the client's words; that condition cost accuracy on both folds of the study set.)
 */
final class ReflectionDepth {
    static final int SIGNALS = 2;
    static final double LOW_OVERLAP = 0.1;
    static final int LONG_WORDS = 25;

    private ReflectionDepth() {
    }

    /**
     * @param signals   the signals of added meaning (see above)
     * @param words     the reflection's words
     * @param overlap   the share of its content words the client used in the turn before
     */
    static ReflectionKind of(int signals, int words, double overlap) {
        boolean complex = signals >= SIGNALS || (signals >= 1 && overlap < LOW_OVERLAP)
                || words >= LONG_WORDS;
        return complex ? ReflectionKind.COMPLEX : ReflectionKind.SIMPLE;
    }
}
