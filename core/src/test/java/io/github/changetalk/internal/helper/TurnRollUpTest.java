package io.github.changetalk.internal.helper;

import static io.github.changetalk.MiscCode.ADP;
import static io.github.changetalk.MiscCode.ADW;
import static io.github.changetalk.MiscCode.CO;
import static io.github.changetalk.MiscCode.CQ;
import static io.github.changetalk.MiscCode.CR;
import static io.github.changetalk.MiscCode.DI;
import static io.github.changetalk.MiscCode.FA;
import static io.github.changetalk.MiscCode.GI;
import static io.github.changetalk.MiscCode.OQ;
import static io.github.changetalk.MiscCode.SR;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.changetalk.CounselorCoding.ReflectionKind;
import io.github.changetalk.MiscCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roll-up of a counselor turn's sentence codes to the turn, and the simple/complex points. */
class TurnRollUpTest {
    private static int decide(List<Integer> words, MiscCode... codes) {
        return TurnRollUp.decide(Arrays.asList(codes), words);
    }

    @Test
    void aClosingQuestionTakesTheTurnUnlessTheRestIsMuchLonger() {
        // "Mm-hmm. So you feel torn. What would help?": the client is left to answer the question
        assertThat(decide(List.of(1, 6, 3), FA, SR, OQ)).isEqualTo(2);
        // the rest may be up to twice the question plus 8 words
        assertThat(decide(List.of(14, 3), SR, OQ)).isEqualTo(1);
        // a long reflection with a short question tagged on is coded by its bulk
        assertThat(decide(List.of(15, 3), SR, OQ)).isEqualTo(0);
    }

    @Test
    void theGroupHoldingMostWordsWinsAndWithinItTheCodeThatSaysMost() {
        // information of 30 words, then a short reflection: input
        assertThat(decide(List.of(30, 6), GI, SR)).isEqualTo(0);
        // two reflections outweigh one sentence of information; the complex one is named
        assertThat(decide(List.of(8, 10, 12), SR, GI, CR)).isEqualTo(2);
        // advice with permission is named before plain information of the same group
        assertThat(decide(List.of(10, 5), GI, ADP)).isEqualTo(1);
    }

    @Test
    void theRightingReflexIsNeverHidden() {
        assertThat(decide(List.of(3, 40, 5), FA, SR, DI)).as("a short directive in a long reflection").isEqualTo(2);
        assertThat(decide(List.of(8, 8), ADW, CO)).as("the most serious of them").isEqualTo(1);
    }

    @Test
    void backchannelsCountOnlyWhenNothingElseIsSaid() {
        assertThat(decide(List.of(1, 1), FA, FA)).isEqualTo(1);
        assertThat(decide(List.of(2, 2), FA, CQ)).isEqualTo(1);
        assertThat(decide(List.of(3), (MiscCode) null)).isEqualTo(-1);
    }

    @Test
    void complexWhenTheReflectionAddsMeaning() {
        assertThat(ReflectionDepth.of(2, 8, 0.6)).as("two signals").isEqualTo(ReflectionKind.COMPLEX);
        assertThat(ReflectionDepth.of(1, 8, 0.05)).as("one signal, few of the client's words").isEqualTo(ReflectionKind.COMPLEX);
        assertThat(ReflectionDepth.of(1, 8, 0.5)).as("one signal, the client's own words").isEqualTo(ReflectionKind.SIMPLE);
        assertThat(ReflectionDepth.of(0, 30, 0.1)).as("long and new").isEqualTo(ReflectionKind.COMPLEX);
        assertThat(ReflectionDepth.of(0, 30, 0.6)).as("long, gathering the client's words: a summary").isEqualTo(ReflectionKind.COMPLEX);
        assertThat(ReflectionDepth.of(0, 24, 0.6)).as("shorter, the client's words").isEqualTo(ReflectionKind.SIMPLE);
        assertThat(ReflectionDepth.of(0, 10, 0.0)).as("short, no signal").isEqualTo(ReflectionKind.SIMPLE);
    }

    @Test
    void overlapCountsTheClientsContentWordsByStem() {
        assertThat(WordOverlap.share("you're drinking most nights", "I drink most nights after work")).isEqualTo(1.0);
        assertThat(WordOverlap.share("the kids notice", "I drink most nights")).isEqualTo(0.0);
        assertThat(WordOverlap.share("anything", null)).isEqualTo(0.0);
        assertThat(WordOverlap.allSaidBy("lonely", "it was lonely")).isTrue();
        assertThat(WordOverlap.allSaidBy("lonely", "nobody called")).isFalse();
    }
}
