package io.github.changetalk.internal.weights;

/**
 * The evidence weights shipped with the default packs ({@code rules/weights/client-direction.yaml}, fitted
 * by {@code changetalk train}; its header says on what) and whether a classifier uses them when not told
 * otherwise. They are on by default only when, fitted on one fold of the study set and scored on the other,
 * they beat the rules' own resolution on both folds (README, "Evidence weights"): otherwise the file ships
 * for {@code --weights FILE} and the default stays {@code none}. Measured at the first fit: 0.637 vs 0.636 on
 * fold 0 and 0.615 vs 0.614 on fold 1 (1 and 0 more turns right), session r lower on fold 0: a tie, so off.
 */
public final class DefaultWeights {
    /** The classpath resource of the default weights. */
    public static final String RESOURCE = "io/github/changetalk/rules/weights/client-direction.yaml";
    /** Whether classifiers use {@link #RESOURCE} unless told otherwise. */
    public static final boolean ON = false;

    /**
     * The classpath resource of the default counselor weights, which decide a counselor turn's group
     * (question, reflection, input, other) from its sentences' rules and context
     * ({@code rules/weights/counselor-behaviour.yaml}).
     */
    public static final String COUNSELOR_RESOURCE = "io/github/changetalk/rules/weights/counselor-behaviour.yaml";
    /** Whether classifiers use {@link #COUNSELOR_RESOURCE} unless told otherwise (README, "Evidence weights"). */
    public static final boolean COUNSELOR_ON = false;

    private DefaultWeights() {
    }
}
