package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelperScoresTest {

    /** A counselor turn coded {@code code}; {@code flagged} as when a sentence of it was coded DI, CO... */
    static CounselorCoding turn(MiscCode code, boolean flagged) {
        CounselorCoding.QuestionKind q = code == MiscCode.OQ ? CounselorCoding.QuestionKind.OPEN
                : code == MiscCode.CQ ? CounselorCoding.QuestionKind.CLOSED : null;
        CounselorCoding.ReflectionKind r = code == MiscCode.SR ? CounselorCoding.ReflectionKind.SIMPLE
                : code == MiscCode.CR ? CounselorCoding.ReflectionKind.COMPLEX : null;
        return new CounselorCoding(code.behaviour(), code, flagged, q, r, CounselorCoding.Permission.NONE,
                "TEST_" + code, null, null, List.of());
    }

    static List<CounselorCoding> session(Object... codeAndCount) {
        List<CounselorCoding> out = new ArrayList<>();
        for (int i = 0; i < codeAndCount.length; i += 2) {
            MiscCode c = (MiscCode) codeAndCount[i];
            for (int n = 0; n < (int) codeAndCount[i + 1]; n++) {
                out.add(turn(c, c.miInconsistent()));
            }
        }
        return out;
    }

    @Test
    void countsRatiosAndBandsOfAGoodSession() {
        // 8 reflections (5 complex), 4 questions (3 open), 6 backchannels, 1 affirmation.
        HelperScores s = HelperScores.of(session(MiscCode.SR, 3, MiscCode.CR, 5, MiscCode.OQ, 3, MiscCode.CQ, 1,
                MiscCode.FA, 6, MiscCode.AF, 1));
        assertThat(s.turns()).isEqualTo(19);
        assertThat(s.count(MiscCode.CR)).isEqualTo(5);
        assertThat(s.count(MiscCode.DI)).isZero();
        assertThat(s.codeCounts()).doesNotContainKey(MiscCode.DI);
        assertThat(s.reflectionToQuestion()).isEqualTo(2.0);
        assertThat(s.reflectionToQuestionBand()).isEqualTo(HelperScores.Band.GOOD);
        assertThat(s.complexReflectionShare()).isEqualTo(5 / 8.0);
        assertThat(s.complexReflectionBand()).isEqualTo(HelperScores.Band.GOOD);
        assertThat(s.openQuestionShare()).isEqualTo(0.75);
        assertThat(s.miInconsistent()).isZero();
        assertThat(s.miAdherent()).isEqualTo(3 + 5 + 3 + 1);
        assertThat(s.miConsistentShare()).isEqualTo(1.0);
        // Every part at "good", no righting reflex: full marks.
        assertThat(s.miAdherence()).isEqualTo(1.0);
    }

    @Test
    void bandEdgesAreInclusiveAndToleratePlainFractions() {
        HelperScores fair = HelperScores.of(session(MiscCode.SR, 3, MiscCode.CR, 2, MiscCode.CQ, 5));
        assertThat(fair.reflectionToQuestion()).isEqualTo(1.0);
        assertThat(fair.reflectionToQuestionBand()).isEqualTo(HelperScores.Band.FAIR);
        assertThat(fair.complexReflectionShare()).isEqualTo(0.4, within(1e-12));
        assertThat(fair.complexReflectionBand()).isEqualTo(HelperScores.Band.FAIR);
        HelperScores below = HelperScores.of(session(MiscCode.SR, 2, MiscCode.CR, 1, MiscCode.OQ, 4));
        assertThat(below.reflectionToQuestionBand()).isEqualTo(HelperScores.Band.BELOW);
        assertThat(below.complexReflectionBand()).isEqualTo(HelperScores.Band.BELOW);
        assertThat(HelperScores.Band.FAIR.id()).isEqualTo("fair");
    }

    @Test
    void miAdherenceIsFormulaD() {
        // 10 turns: 2 SR, 1 CR, 3 OQ, 1 CQ, 1 GI, 2 DI (flagged).
        HelperScores s = HelperScores.of(session(MiscCode.SR, 2, MiscCode.CR, 1, MiscCode.OQ, 3, MiscCode.CQ, 1,
                MiscCode.GI, 1, MiscCode.DI, 2));
        double r = Math.min(1, (3 / 4.0) / 2);
        double c = Math.min(1, (1 / 3.0) / 0.5);
        double o = Math.min(1, (3 / 4.0) / 0.5);
        double rate = 2 * 10 / 10.0;
        assertThat(s.miAdherence()).isEqualTo((r + c + o) / 3 * Math.pow(2, -rate), within(1e-12));
        assertThat(s.miInconsistent()).isEqualTo(2);
        assertThat(s.miConsistentShare()).isEqualTo(6 / 8.0);
        // Each MI-inconsistent turn per ten helper turns halves the score.
        HelperScores one = HelperScores.of(session(MiscCode.SR, 2, MiscCode.CR, 1, MiscCode.OQ, 3, MiscCode.CQ, 1,
                MiscCode.GI, 2, MiscCode.DI, 1));
        assertThat(one.miAdherence() / s.miAdherence()).isEqualTo(2.0, within(1e-12));
    }

    @Test
    void aFlaggedTurnCountsAsInconsistentWhateverItsCode() {
        List<CounselorCoding> turns = new ArrayList<>(session(MiscCode.OQ, 2));
        turns.add(turn(MiscCode.SR, true)); // a reflection turn that also holds a directive sentence
        HelperScores s = HelperScores.of(turns);
        assertThat(s.reflections()).isEqualTo(1);
        assertThat(s.miInconsistent()).isEqualTo(1);
        assertThat(s.miConsistentShare()).isEqualTo(3 / 4.0);
    }

    @Test
    void undefinedRatiosAreNaNWithNoBandAndAdherenceTakesItsConventions() {
        // Reflections but no question: R:Q undefined, counted as 2:1 inside mi_adherence; %OQ counted as 0.
        HelperScores noQuestions = HelperScores.of(session(MiscCode.CR, 2));
        assertThat(noQuestions.reflectionToQuestion()).isNaN();
        assertThat(noQuestions.reflectionToQuestionBand()).isNull();
        assertThat(noQuestions.openQuestionShare()).isNaN();
        assertThat(noQuestions.complexReflectionBand()).isEqualTo(HelperScores.Band.GOOD);
        assertThat(noQuestions.miAdherence()).isEqualTo((1 + 1 + 0) / 3.0, within(1e-12));
        // Only backchannels: every ratio undefined, adherence 0 (no listening skill shown), not NaN.
        HelperScores listening = HelperScores.of(session(MiscCode.FA, 5));
        assertThat(listening.complexReflectionShare()).isNaN();
        assertThat(listening.miConsistentShare()).isNaN();
        assertThat(listening.miAdherence()).isZero();
        // No coded turn at all: nothing to score.
        HelperScores none = HelperScores.of(List.of());
        assertThat(none.turns()).isZero();
        assertThat(none.miAdherence()).isNaN();
    }

    @Test
    void tallyMatchesOfAndSkipsUncodedTurns() {
        List<CounselorCoding> a = session(MiscCode.SR, 1, MiscCode.OQ, 2, MiscCode.WA, 1);
        List<CounselorCoding> b = session(MiscCode.CR, 3, MiscCode.CQ, 1);
        HelperScores.Tally ta = new HelperScores.Tally();
        a.forEach(ta::add);
        ta.add((CounselorCoding) null);
        HelperScores.Tally all = new HelperScores.Tally();
        b.forEach(all::add);
        all.addAll(ta);
        List<CounselorCoding> both = new ArrayList<>(b);
        both.addAll(a);
        assertThat(ta.scores()).isEqualTo(HelperScores.of(a));
        assertThat(all.scores()).isEqualTo(HelperScores.of(both));
        assertThat(all.turns()).isEqualTo(8);
    }

    @Test
    void fromAggregatedCountsEqualsFromCodings() {
        Map<MiscCode, Long> counts = new EnumMap<>(MiscCode.class);
        counts.put(MiscCode.SR, 1L);
        counts.put(MiscCode.OQ, 2L);
        counts.put(MiscCode.WA, 1L);
        counts.put(MiscCode.DI, 0L);
        assertThat(HelperScores.of(4, counts, 1)).isEqualTo(HelperScores.of(session(MiscCode.SR, 1, MiscCode.OQ, 2, MiscCode.WA, 1)));
        assertThatThrownBy(() -> HelperScores.of(3, counts, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 coded");
        assertThatThrownBy(() -> HelperScores.of(4, Map.of(MiscCode.SR, -1L), 0)).isInstanceOf(IllegalArgumentException.class);
        HelperScores copied = HelperScores.of(4, counts, 1);
        counts.clear();
        assertThat(copied.count(MiscCode.OQ)).isEqualTo(2);
        assertThatThrownBy(() -> HelperScores.of(4, Map.of(MiscCode.SR, 1L), 0).codeCounts().put(MiscCode.CR, 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
