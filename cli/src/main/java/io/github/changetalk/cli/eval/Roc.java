package io.github.changetalk.cli.eval;

import java.util.List;

/** The area under the ROC curve of a score that should rank positives above negatives. */
public final class Roc {
    private Roc() {
    }

    /**
     * The Mann-Whitney form: the share of (positive, negative) pairs the score orders correctly, a tie
     * counting half. 1 ranks every positive above every negative, 0.5 is chance. NaN when either side is
     * empty (nothing to rank).
     */
    public static double auc(List<Double> positives, List<Double> negatives) {
        if (positives.isEmpty() || negatives.isEmpty()) {
            return Double.NaN;
        }
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1.0 : p == n ? 0.5 : 0.0;
            }
        }
        return wins / ((double) positives.size() * negatives.size());
    }
}
