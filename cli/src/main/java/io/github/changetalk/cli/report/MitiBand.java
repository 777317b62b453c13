package io.github.changetalk.cli.report;

import io.github.changetalk.HelperScores;

/**
 * Where a helper summary score stands against its MITI 4.2 thresholds: reflection-to-question ratio
 * fair at 1:1 and good at 2:1; complex reflections fair at 40% and good at 50% of reflections. MITI 4.2
 * sets no threshold for open questions or MI-inconsistent behaviour ({@link #NONE}).
 */
public enum MitiBand {
    BELOW("below fair"), FAIR("fair"), GOOD("good"), NONE("no MITI 4.2 threshold"), NOT_AVAILABLE("not available");

    private final String text;

    MitiBand(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Reflections per question: below 1 is below fair, from 1 fair, from 2 good. */
    public static MitiBand reflectionToQuestion(Double ratio) {
        return of(ratio, HelperScores.RQ_FAIR, HelperScores.RQ_GOOD);
    }

    /** Complex reflections as a share (0..1) of all reflections: from 0.40 fair, from 0.50 good. */
    public static MitiBand complexReflectionShare(Double share) {
        return of(share, HelperScores.CR_FAIR, HelperScores.CR_GOOD);
    }

    private static MitiBand of(Double value, double fair, double good) {
        if (value == null || value.isNaN()) {
            return NOT_AVAILABLE;
        }
        // Compared with a small tolerance so that 0.4 computed as 2/5 is not "below" 0.40.
        double eps = 1e-9;
        return value + eps >= good ? GOOD : value + eps >= fair ? FAIR : BELOW;
    }
}
