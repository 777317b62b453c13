package io.github.changetalk.internal.pack;

import io.github.changetalk.Behaviour;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.MiscCode;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A client rule's {@code after:} condition: what the counselor turn just before must have been. Each
 * set is one key of the condition (empty: the key was not given); a value holds when it is one of the
 * set's members, and the condition holds when every key given holds. {@code behaviour}, {@code code},
 * {@code question} and {@code reflected} are the turn's; {@code function}, {@code asks} and
 * {@code dimension} are those of the act the client answers ({@link CounselorCoding#answered()}).
 * {@code reflected} holds {@link Direction#NEUTRAL} for "none": the turn carries no change or sustain talk
 * (as does every turn that does not {@linkplain CounselorCoding#putsWordsInClientsMouth() put words in the
 * client's mouth}).
 */
public record AfterSpec(Set<Behaviour> behaviour, Set<MiscCode> code, Set<CounselorCoding.QuestionKind> question,
                        Set<CounselorCoding.Function> function, Set<Kind> asks, Set<CounselorCoding.Dimension> dimension,
                        Set<Direction> reflected) {
    public AfterSpec {
        behaviour = Set.copyOf(behaviour);
        code = Set.copyOf(code);
        question = Set.copyOf(question);
        function = Set.copyOf(function);
        asks = Set.copyOf(asks);
        dimension = Set.copyOf(dimension);
        reflected = Set.copyOf(reflected);
    }

    /**
     * Whether a counselor turn so coded meets the condition; a missing turn (null) meets none. {@code voice}
     * gives the turn read in the client's voice (never null: {@link CounselorCoding.ReflectedTalk#NONE} when it
     * carries no talk); it is asked only when the {@code reflected} key decides, since reading costs an analysis.
     */
    public boolean test(CounselorCoding c, Supplier<CounselorCoding.ReflectedTalk> voice) {
        if (c == null) {
            return false;
        }
        CounselorCoding.Answered a = c.answered();
        return holds(behaviour, c.behaviour()) && holds(code, c.code()) && holds(question, c.questionKind())
                && holds(function, a == null ? null : a.function()) && holds(asks, a == null ? null : a.asks())
                && holds(dimension, a == null ? null : a.dimension())
                && (reflected.isEmpty() || reflected.contains(c.putsWordsInClientsMouth() ? voice.get().direction()
                        : Direction.NEUTRAL));
    }

    private static <T> boolean holds(Set<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
}
