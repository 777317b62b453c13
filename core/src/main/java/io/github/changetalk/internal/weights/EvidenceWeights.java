package io.github.changetalk.internal.weights;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Evidence weights: how much each piece of evidence counts toward each class, learned from coded data as
 * SpamAssassin learns its rule scores. A multinomial logistic model over sparse, named, binary features:
 * the score of class {@code c} for a set of features is {@code bias[c] + sum of weight[f][c]} over the
 * features present, and the class with the highest score wins (softmax of the scores gives probabilities).
 *
 * <p>A feature is only ever a rule id (the rule fired, not vetoed) or a named context feature such as
 * {@code prior=change} or {@code after.question}: never a word or an n-gram, so that every decision can
 * be explained by the rules and context behind it ({@link #contributions}). The model is generic over its
 * classes: the client direction ({@code change sustain neutral}) and the counselor behaviour group
 * ({@code question reflection input other}) are two models of this one kind, told apart by {@link #decides}.
 * A feature the model does not know weighs nothing.
 *
 * <p>Immutable and thread-safe. Read and written as YAML by {@link WeightsFile}; fitted by the
 * {@code changetalk-train} module (the fitting library never enters core).
 */
public final class EvidenceWeights {
    /** What a feature name may be: a rule id, or a context feature such as {@code length=6-12}. */
    public static final Pattern FEATURE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.=+:<>-]*");
    /** What a class or model name may be. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final String decides;
    private final List<String> classes;
    private final double[] bias;
    private final Map<String, double[]> weights;
    private final Map<String, List<String>> provenance;

    /**
     * @param decides    what the model decides, e.g. {@code client-direction}
     * @param classes    the classes, in the order of {@code bias} and of each feature's weights
     * @param bias       one per class
     * @param weights    feature name to one weight per class
     * @param provenance where the weights come from (corpora, folds, fitting settings, commit), in order
     * @throws IllegalArgumentException when a name is malformed, a class repeats, or a count or number is wrong
     */
    public EvidenceWeights(String decides, List<String> classes, double[] bias, Map<String, double[]> weights,
                           Map<String, List<String>> provenance) {
        if (decides == null || !NAME.matcher(decides).matches()) {
            throw new IllegalArgumentException("not a model name: '" + decides + "' (lower case, digits and hyphens)");
        }
        if (classes.size() < 2 || new LinkedHashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("a model needs two or more distinct classes, got " + classes);
        }
        for (String c : classes) {
            if (c == null || !NAME.matcher(c).matches()) {
                throw new IllegalArgumentException("not a class name: '" + c + "' (lower case, digits and hyphens)");
            }
        }
        this.decides = decides;
        this.classes = List.copyOf(classes);
        this.bias = checked("bias", bias);
        Map<String, double[]> w = new TreeMap<>();
        for (Map.Entry<String, double[]> e : weights.entrySet()) {
            if (e.getKey() == null || !FEATURE.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("not a feature name: '" + e.getKey() + "'");
            }
            w.put(e.getKey(), checked(e.getKey(), e.getValue()));
        }
        this.weights = Collections.unmodifiableMap(w);
        Map<String, List<String>> p = new java.util.LinkedHashMap<>();
        provenance.forEach((k, v) -> p.put(k, List.copyOf(v)));
        this.provenance = Collections.unmodifiableMap(p);
    }

    private double[] checked(String what, double[] values) {
        if (values.length != classes.size()) {
            throw new IllegalArgumentException(what + ": " + values.length + " weights, but there are "
                    + classes.size() + " classes");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + ": weights must be finite numbers, found " + v);
            }
        }
        return values.clone();
    }

    /** What the model decides, e.g. {@code client-direction}. */
    public String decides() {
        return decides;
    }

    public List<String> classes() {
        return classes;
    }

    /** The position of a class, or -1. */
    public int classIndex(String name) {
        return classes.indexOf(name);
    }

    /**
     * The position of each of {@code expected} among these weights' classes, in order, for a reader of weights
     * that decide {@code decides} with exactly those classes.
     *
     * @param source       the weights' file or resource name, for the messages
     * @param classesSaid  how a message names the classes expected ("client weights have the classes ...")
     * @throws IllegalArgumentException when the weights decide something else or have other classes
     */
    public int[] classIndexes(String decides, List<String> expected, String source, String classesSaid) {
        if (!decides.equals(this.decides)) {
            throw new IllegalArgumentException(source + ": these weights decide '" + this.decides + "', not '" + decides + "'");
        }
        int[] index = new int[expected.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = classes.size() == expected.size() ? classIndex(expected.get(i)) : -1;
            if (index[i] < 0) {
                throw new IllegalArgumentException(source + ": " + classesSaid + ", not " + classes);
            }
        }
        return index;
    }

    public double bias(int cls) {
        return bias[cls];
    }

    /** The weight of a feature toward a class; 0 for a feature the model does not know. */
    public double weight(String feature, int cls) {
        double[] w = weights.get(feature);
        return w == null ? 0 : w[cls];
    }

    public boolean knows(String feature) {
        return weights.containsKey(feature);
    }

    /** Every feature the model has weights for, sorted by name. */
    public Set<String> features() {
        return weights.keySet();
    }

    /** Where the weights come from: key to one or more values, in file order. */
    public Map<String, List<String>> provenance() {
        return provenance;
    }

    /** The scores of a set of present features (a feature named twice counts once). */
    public Scores score(Collection<String> features) {
        double[] s = bias.clone();
        for (String f : distinct(features)) {
            double[] w = weights.get(f);
            if (w != null) {
                for (int c = 0; c < s.length; c++) {
                    s[c] += w[c];
                }
            }
        }
        return new Scores(classes, s);
    }

    /**
     * What each present feature adds to the score of {@code cls}, known features only, largest first (ties
     * by name): the explanation of a decision. The bias is not listed; {@link #bias} gives it.
     */
    public List<Contribution> contributions(Collection<String> features, int cls) {
        List<Contribution> out = new ArrayList<>();
        for (String f : distinct(features)) {
            double[] w = weights.get(f);
            if (w != null) {
                out.add(new Contribution(f, w[cls]));
            }
        }
        out.sort(Comparator.comparingDouble((Contribution c) -> -c.weight()).thenComparing(Contribution::feature));
        return out;
    }

    private static Collection<String> distinct(Collection<String> features) {
        return features instanceof Set<String> ? features : new LinkedHashSet<>(features);
    }

    /** A feature's weight toward one class. */
    public record Contribution(String feature, double weight) {
    }

    /** Per-class scores of one decision, in the model's class order. */
    public record Scores(List<String> classes, double[] values) {
        public Scores {
            values = values.clone();
        }

        public double value(int cls) {
            return values[cls];
        }

        /** The index of the highest score; the first class on a tie, so a decision never depends on chance. */
        public int best() {
            int best = 0;
            for (int c = 1; c < values.length; c++) {
                if (values[c] > values[best]) {
                    best = c;
                }
            }
            return best;
        }

        /** The best class among those {@code allowed} accepts (-1 if none does). */
        public int best(java.util.function.IntPredicate allowed) {
            int best = -1;
            for (int c = 0; c < values.length; c++) {
                if (allowed.test(c) && (best < 0 || values[c] > values[best])) {
                    best = c;
                }
            }
            return best;
        }

        /** The scores as probabilities (softmax). */
        public double[] probabilities() {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                max = Math.max(max, v);
            }
            double[] p = new double[values.length];
            double sum = 0;
            for (int c = 0; c < p.length; c++) {
                p[c] = Math.exp(values[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < p.length; c++) {
                p[c] /= sum;
            }
            return p;
        }
    }
}
