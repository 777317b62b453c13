package io.github.changetalk;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A session's helper (counselor) summary scores, computed from the codes of its counselor turns, as MI
 * coders summarise a session (MITI 4.2, MISC 2.5). Immutable; build it with {@link #of(Iterable)} from
 * the session's {@link CounselorCoding}s, or with a {@link Tally} fed one turn at a time, or from counts
 * already aggregated elsewhere ({@link #of(long, Map, long)}, e.g. by Spark).
 *
 * <p>Every figure counts <em>turns</em>, each by its one rolled-up {@link CounselorCoding#code()}:
 * <ul>
 *   <li>{@link #reflectionToQuestion()} R:Q = (SR + CR) / (OQ + CQ);</li>
 *   <li>{@link #complexReflectionShare()} CR / (SR + CR);</li>
 *   <li>{@link #openQuestionShare()} OQ / (OQ + CQ);</li>
 *   <li>{@link #miInconsistent()}: the turns flagged {@link CounselorCoding#miInconsistent()} (some sentence
 *       coded ADW, RCW, CO, DI or WA by a rule with its words), whatever the turn's own code;</li>
 *   <li>{@link #miConsistentShare()}: turns coded MI-adherent (AF, EC, SU, ADP, RCP, OQ, SR, CR) over those
 *       plus the MI-inconsistent turns. A turn coded, say, SR that also holds a directive counts on both
 *       sides, as MITI counts each behaviour of an utterance;</li>
 *   <li>{@link #miAdherence()}: one number in [0, 1], formula D of the helper study (see the method).</li>
 * </ul>
 *
 * <p><b>Undefined ratios.</b> A ratio whose denominator is zero is undefined and is returned as
 * {@link Double#NaN} (written null or empty by the command line), never as 0 or 1, because "no questions
 * asked" is not "no open questions". Its MITI band is then {@code null}. Only {@link #miAdherence()} needs
 * a number for each of them, and takes the conventions written there; it is itself NaN only when the
 * session has no coded counselor turn at all.
 */
public record HelperScores(long turns, Map<MiscCode, Long> codeCounts, long miInconsistent) {

    /** MITI 4.2's R:Q thresholds: fair from 1:1, good from 2:1. */
    public static final double RQ_FAIR = 1.0;
    public static final double RQ_GOOD = 2.0;
    /** MITI 4.2's complex-reflection thresholds (share of reflections): fair from 40%, good from 50%. */
    public static final double CR_FAIR = 0.40;
    public static final double CR_GOOD = 0.50;
    /**
     * The share of open questions at which {@link #miAdherence()}'s open-question part is full. MITI 4.2
     * sets no threshold for it; half of the questions open is the lower edge of the older MITI's
     * proficiency range (50-70%).
     */
    public static final double OQ_FULL = 0.50;
    /** {@link #miAdherence()}'s penalty: each MI-inconsistent turn per this many helper turns halves it. */
    public static final int PER_TURNS = 10;

    /**
     * @param turns          the coded counselor turns
     * @param codeCounts     turns per MISC code (codes with none may be absent); copied
     * @param miInconsistent the turns flagged MI-inconsistent
     * @throws IllegalArgumentException for negative counts, or codes or flags adding up to more than the turns
     */
    public HelperScores {
        EnumMap<MiscCode, Long> copy = new EnumMap<>(MiscCode.class);
        long coded = 0;
        for (Map.Entry<MiscCode, Long> e : codeCounts.entrySet()) {
            long n = e.getValue() == null ? 0 : e.getValue();
            if (n < 0) {
                throw new IllegalArgumentException("negative count for " + e.getKey() + ": " + n);
            }
            if (n > 0) {
                copy.put(e.getKey(), n);
                coded += n;
            }
        }
        if (turns < 0 || miInconsistent < 0 || coded > turns || miInconsistent > turns) {
            throw new IllegalArgumentException("inconsistent counts: " + turns + " turns, " + coded + " coded, "
                    + miInconsistent + " MI-inconsistent");
        }
        codeCounts = Collections.unmodifiableMap(copy);
    }

    /** The scores of these codings (one per counselor turn; null entries are turns left uncoded and skipped). */
    public static HelperScores of(Iterable<CounselorCoding> codings) {
        Tally t = new Tally();
        codings.forEach(t::add);
        return t.scores();
    }

    /** The scores of counts aggregated elsewhere; see the record's components. */
    public static HelperScores of(long turns, Map<MiscCode, Long> codeCounts, long miInconsistent) {
        return new HelperScores(turns, codeCounts, miInconsistent);
    }

    /** Turns coded {@code code}. */
    public long count(MiscCode code) {
        return codeCounts.getOrDefault(code, 0L);
    }

    /** Reflections (SR + CR). */
    public long reflections() {
        return count(MiscCode.SR) + count(MiscCode.CR);
    }

    /** Questions (OQ + CQ). */
    public long questions() {
        return count(MiscCode.OQ) + count(MiscCode.CQ);
    }

    /** Turns with an MI-adherent code: AF, EC, SU, ADP, RCP, OQ, SR, CR. */
    public long miAdherent() {
        long n = 0;
        for (Map.Entry<MiscCode, Long> e : codeCounts.entrySet()) {
            n += e.getKey().miAdherent() ? e.getValue() : 0;
        }
        return n;
    }

    /** R:Q, reflections per question; NaN when there is no question. */
    public double reflectionToQuestion() {
        return ratio(reflections(), questions());
    }

    /** CR / (SR + CR); NaN when there is no reflection. */
    public double complexReflectionShare() {
        return ratio(count(MiscCode.CR), reflections());
    }

    /** OQ / (OQ + CQ); NaN when there is no question. */
    public double openQuestionShare() {
        return ratio(count(MiscCode.OQ), questions());
    }

    /** MI-adherent turns over MI-adherent plus MI-inconsistent turns; NaN when there are neither. */
    public double miConsistentShare() {
        long adherent = miAdherent();
        return ratio(adherent, adherent + miInconsistent);
    }

    /** MITI 4.2 band of R:Q, or null when R:Q is undefined. */
    public Band reflectionToQuestionBand() {
        return Band.of(reflectionToQuestion(), RQ_FAIR, RQ_GOOD);
    }

    /** MITI 4.2 band of the complex-reflection share, or null when it is undefined. */
    public Band complexReflectionBand() {
        return Band.of(complexReflectionShare(), CR_FAIR, CR_GOOD);
    }

    /**
     * One number in [0, 1] that ranks sessions from poor to good MI practice (formula D of the helper
     * study, written from MITI 4.2 and not fitted to any corpus's labels):
     * <pre>
     *   mi_adherence = (min(1, R:Q / 2) + min(1, %CR / 0.5) + min(1, %OQ / 0.5)) / 3
     *                  × 2^-(MI-inconsistent turns per 10 helper turns)
     * </pre>
     * The first factor is technical practice on the three threshold measures, each full at MITI's "good"
     * (R:Q 2:1, 50% complex reflections; half the questions open), averaged so that one weak skill does not
     * zero the score. The second is the righting reflex: each MI-inconsistent turn per ten helper turns
     * halves the score, so a session that argues or directs stays low however many reflections it has.
     * Conventions for undefined parts: no question makes R:Q count as 2:1 when there are reflections and 0
     * when there are none; no reflection makes %CR 0; no question makes %OQ 0. NaN when no turn is coded.
     */
    public double miAdherence() {
        if (turns == 0) {
            return Double.NaN;
        }
        long r = reflections();
        long q = questions();
        double rq = q == 0 ? (r > 0 ? RQ_GOOD : 0.0) : r / (double) q;
        double cr = r == 0 ? 0.0 : count(MiscCode.CR) / (double) r;
        double oq = q == 0 ? 0.0 : count(MiscCode.OQ) / (double) q;
        double practice = (Math.min(1.0, rq / RQ_GOOD) + Math.min(1.0, cr / CR_GOOD) + Math.min(1.0, oq / OQ_FULL)) / 3.0;
        double rate = miInconsistent * (double) PER_TURNS / turns;
        return practice * Math.pow(2.0, -rate);
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : num / (double) den;
    }

    /** Where a threshold measure stands against MITI 4.2: below fair, fair, or good. */
    public enum Band {
        BELOW, FAIR, GOOD;

        /** The band of {@code value}, or null when it is NaN (undefined). */
        static Band of(double value, double fair, double good) {
            if (Double.isNaN(value)) {
                return null;
            }
            // A small tolerance, so that 2/5 computed in floating point is not "below" 0.40.
            double eps = 1e-9;
            return value + eps >= good ? GOOD : value + eps >= fair ? FAIR : BELOW;
        }

        /** As written in output: {@code below}, {@code fair} or {@code good}. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /**
     * Counts a session's coded counselor turns one at a time, e.g. as a transcript streams by. Not
     * thread-safe; {@link #scores()} may be called at any point and gives an immutable snapshot.
     */
    public static final class Tally {
        private long turns;
        private long inconsistent;
        private final EnumMap<MiscCode, Long> counts = new EnumMap<>(MiscCode.class);

        /** Adds one counselor turn's coding; null (a turn left uncoded) is skipped. */
        public Tally add(CounselorCoding coding) {
            if (coding != null) {
                add(coding.code(), coding.miInconsistent());
            }
            return this;
        }

        /** Adds one coded turn by its code (null: coded by no rule) and its MI-inconsistent flag. */
        public Tally add(MiscCode code, boolean miInconsistent) {
            turns++;
            if (code != null) {
                counts.merge(code, 1L, Long::sum);
            }
            if (miInconsistent) {
                inconsistent++;
            }
            return this;
        }

        /** Adds another tally's counts (e.g. a session's to the overall one). */
        public Tally addAll(Tally other) {
            turns += other.turns;
            inconsistent += other.inconsistent;
            other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
            return this;
        }

        /** The coded turns counted so far. */
        public long turns() {
            return turns;
        }

        public HelperScores scores() {
            return new HelperScores(turns, counts, inconsistent);
        }
    }
}
