package io.github.changetalk.train;

import java.util.List;

/**
 * How weights are fitted: the L2 penalties to choose from (Smile's {@code lambda}: the penalty is
 * {@code lambda/2 * |w|^2} added to the summed log-loss, biases unpenalised), the number of session-grouped
 * cross-validation folds that choose among them, and the optimiser's tolerance and iteration cap.
 */
public record FitSettings(List<Double> lambdas, int folds, double tolerance, int maxIterations) {
    /**
     * Strong penalties only: the study behind issue 19 found the rules' evidence too sparse for weak ones
     * (most rules fire fewer than ten times in a corpus), and liblinear's C of 0.01-0.1 chosen almost
     * everywhere, which is lambda 10-100 here.
     */
    public static final FitSettings DEFAULTS = new FitSettings(List.of(1.0, 3.0, 10.0, 30.0, 100.0), 5, 1e-6, 2000);

    public FitSettings {
        lambdas = List.copyOf(lambdas);
        if (lambdas.isEmpty() || lambdas.stream().anyMatch(l -> !(l > 0) || l.isInfinite())) {
            throw new IllegalArgumentException("lambdas must be positive numbers, got " + lambdas);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
    }

    /** These settings with one penalty: no choice to make, no cross-validation. */
    public FitSettings withLambda(double lambda) {
        return new FitSettings(List.of(lambda), folds, tolerance, maxIterations);
    }

    /** A one-line description for a weights file's provenance. */
    public String describe() {
        return "L2 penalty lambda from " + lambdas + " (biases unpenalised), L-BFGS tolerance " + tolerance
                + ", at most " + maxIterations + " iterations";
    }
}
