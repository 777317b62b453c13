package io.github.changetalk.spark;

import io.github.changetalk.Classifier;

/**
 * {@code --weights FILE|none}: learned evidence weights (issue 19), which this build of the classifier
 * does not have yet. The option is accepted so that job scripts can name it; anything but
 * {@code none} stops the job at once with one line. When the builder learns weights, {@link #apply}
 * gains the one line that hands them over, and {@link #check} stops refusing files.
 */
final class EvidenceWeights {
    static final String NONE = "none";

    private EvidenceWeights() {
    }

    /** On the driver, before any work: a usage error for weights this build cannot use. */
    static void check(String spec) {
        if (spec != null && !spec.strip().equalsIgnoreCase(NONE)) {
            throw new JobException(JobException.USAGE, "--weights " + spec
                    + ": learned evidence weights are not supported by this build (use --weights none)");
        }
    }

    /** On an executor, while building its classifier. */
    static Classifier.Builder apply(Classifier.Builder builder, String spec) {
        check(spec);
        return builder; // issue 19: return builder.weights(...) once the builder takes them
    }
}
