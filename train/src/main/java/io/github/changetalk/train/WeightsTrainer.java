package io.github.changetalk.train;

import io.github.changetalk.internal.weights.EvidenceWeights;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;
import smile.classification.LogisticRegression;

/**
 * Fits {@link EvidenceWeights}: a multinomial (softmax) logistic regression with an L2 penalty, by Smile's
 * L-BFGS, over binary features; the penalty is chosen by cross-validation whose folds never split a group
 * (a session), maximising macro-F1 of the plain argmax (no decision thresholds are fitted: the study behind
 * issue 19 found that fitted thresholds do not transfer).
 *
 * <p>Deterministic: the same examples and settings give the same weights, bit for bit (features and groups
 * are ordered by name, folds assigned by a checksum of the group's name, and Smile is made to sum its
 * gradient in one partition, not in parallel pieces whose order could vary).
 *
 * <p>Smile fits {@code k-1} weight vectors against the last class as reference; the weights are then centred
 * per feature across the classes (each feature's weights sum to zero, and so do the biases), which changes
 * no score difference and so no decision, and makes each weight read as "toward this class, against the
 * average class".
 */
public final class WeightsTrainer {
    /** What a fit gave: the model, the penalty chosen, the cross-validated score of each penalty tried. */
    public record Fit(EvidenceWeights weights, double lambda, Map<Double, Double> crossValidated,
                      Map<String, Integer> featureCounts) {
    }

    private WeightsTrainer() {
    }

    /**
     * Fits a model.
     *
     * @param decides    what the model decides ({@link EvidenceWeights#decides()})
     * @param classes    the classes, in the order the file will list them; put the "nothing special" class last
     * @param examples   the training examples; every class must occur
     * @param universe   features to list in the model even if no example has them (every loaded rule, so that
     *                   the weights file names each one; those weigh nothing)
     * @param provenance where the examples come from; the fitting settings and the choice are added to it
     */
    public static Fit fit(String decides, List<String> classes, List<Example> examples, Collection<String> universe,
                          FitSettings settings, Map<String, List<String>> provenance) {
        int[] y = labels(classes, examples);
        TreeMap<String, Integer> counts = counts(examples);
        List<String> columns = new ArrayList<>(counts.keySet());
        double[][] x = matrix(examples, columns);
        double lambda = settings.lambdas().get(0);
        Map<Double, Double> cv = new LinkedHashMap<>();
        if (settings.lambdas().size() > 1) {
            int[] fold = folds(examples, settings.folds());
            double best = Double.NEGATIVE_INFINITY;
            for (double l : settings.lambdas()) {
                double f1 = crossValidate(x, y, classes.size(), fold, settings.folds(), l, settings);
                cv.put(l, f1);
                if (f1 > best + 1e-12) { // on a tie the penalty listed first stays
                    best = f1;
                    lambda = l;
                }
            }
        }
        double[][] w = train(x, y, classes.size(), lambda, settings);
        Map<String, double[]> weights = new TreeMap<>();
        for (int j = 0; j < columns.size(); j++) {
            double[] perClass = new double[classes.size()];
            for (int c = 0; c < classes.size() - 1; c++) {
                perClass[c] = w[c][j];
            }
            weights.put(columns.get(j), centred(perClass));
        }
        for (String f : universe) {
            weights.putIfAbsent(f, new double[classes.size()]);
        }
        double[] bias = new double[classes.size()];
        for (int c = 0; c < classes.size() - 1; c++) {
            bias[c] = w[c][columns.size()];
        }
        Map<String, List<String>> prov = new LinkedHashMap<>(provenance);
        prov.put("examples", List.of(examples.size() + " (" + distribution(classes, y) + ") in "
                + new TreeSet<>(examples.stream().map(Example::group).toList()).size() + " groups"));
        prov.put("fitting", List.of("multinomial logistic regression (Smile 3.1.1, L-BFGS), binary features, "
                + settings.describe()));
        prov.put("lambda", List.of(cv.isEmpty() ? fmt(lambda) + " (given)"
                : fmt(lambda) + " chosen by " + settings.folds() + "-fold cross-validation grouped by session, "
                + "maximising macro-F1 of the argmax: " + describe(cv)));
        prov.put("features", List.of(columns.size() + " seen in the examples, " + (weights.size() - columns.size())
                + " never seen (weight 0)"));
        return new Fit(new EvidenceWeights(decides, classes, centred(bias), weights, prov), lambda, cv,
                java.util.Collections.unmodifiableMap(counts));
    }

    private static String describe(Map<Double, Double> cv) {
        StringBuilder b = new StringBuilder();
        cv.forEach((l, f) -> b.append(b.isEmpty() ? "" : ", ").append(fmt(l)).append(" -> ")
                .append(String.format(Locale.ROOT, "%.3f", f)));
        return b.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String distribution(List<String> classes, int[] y) {
        int[] n = new int[classes.size()];
        for (int v : y) {
            n[v]++;
        }
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < n.length; c++) {
            b.append(c == 0 ? "" : ", ").append(classes.get(c)).append(' ').append(n[c]);
        }
        return b.toString();
    }

    private static int[] labels(List<String> classes, List<Example> examples) {
        int[] y = new int[examples.size()];
        boolean[] seen = new boolean[classes.size()];
        for (int i = 0; i < y.length; i++) {
            int c = classes.indexOf(examples.get(i).label());
            if (c < 0) {
                throw new IllegalArgumentException("example " + (i + 1) + " has class '" + examples.get(i).label()
                        + "', not one of " + classes);
            }
            y[i] = c;
            seen[c] = true;
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new IllegalArgumentException("no example of class '" + classes.get(c) + "': cannot fit its weights");
            }
        }
        return y;
    }

    private static TreeMap<String, Integer> counts(List<Example> examples) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (Example e : examples) {
            for (String f : e.features()) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static double[][] matrix(List<Example> examples, List<String> columns) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int j = 0; j < columns.size(); j++) {
            index.put(columns.get(j), j);
        }
        double[][] x = new double[examples.size()][columns.size()];
        for (int i = 0; i < x.length; i++) {
            for (String f : examples.get(i).features()) {
                Integer j = index.get(f);
                if (j != null) {
                    x[i][j] = 1;
                }
            }
        }
        return x;
    }

    /** Each example's fold: groups in the order of a checksum of their names, dealt round the folds. */
    public static int[] folds(List<Example> examples, int k) {
        TreeMap<String, String> byChecksum = new TreeMap<>();
        for (Example e : examples) {
            CRC32 crc = new CRC32();
            crc.update(e.group().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byChecksum.put(String.format(Locale.ROOT, "%010d", crc.getValue()) + '\u0000' + e.group(), e.group());
        }
        if (byChecksum.size() < k) {
            throw new IllegalArgumentException("cross-validation needs at least " + k + " groups (sessions), found "
                    + byChecksum.size());
        }
        Map<String, Integer> foldOf = new LinkedHashMap<>();
        int n = 0;
        for (String g : byChecksum.values()) {
            foldOf.put(g, n++ % k);
        }
        int[] fold = new int[examples.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = foldOf.get(examples.get(i).group());
        }
        return fold;
    }

    private static double crossValidate(double[][] x, int[] y, int k, int[] fold, int folds, double lambda, FitSettings s) {
        int[] predicted = new int[y.length];
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (fold[i] != f) {
                    train.add(i);
                }
            }
            double[][] tx = new double[train.size()][];
            int[] ty = new int[train.size()];
            for (int i = 0; i < tx.length; i++) {
                tx[i] = x[train.get(i)];
                ty[i] = y[train.get(i)];
            }
            if (java.util.Arrays.stream(ty).distinct().count() < k) {
                throw new IllegalArgumentException("a cross-validation fold leaves no training example of some class; "
                        + "use fewer folds or more data");
            }
            double[][] w = train(tx, ty, k, lambda, s);
            for (int i = 0; i < y.length; i++) {
                if (fold[i] == f) {
                    predicted[i] = argmax(w, x[i], k);
                }
            }
        }
        return macroF1(y, predicted, k);
    }

    private static int argmax(double[][] w, double[] xi, int k) {
        int best = k - 1;
        double bestScore = 0; // the reference class scores 0
        int p = xi.length;
        for (int c = 0; c < k - 1; c++) {
            double s = w[c][p];
            for (int j = 0; j < p; j++) {
                s += w[c][j] * xi[j];
            }
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    /** Macro-F1 over the classes that occur in the gold or the predictions. */
    public static double macroF1(int[] gold, int[] predicted, int k) {
        int[] tp = new int[k];
        int[] fp = new int[k];
        int[] fn = new int[k];
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] == predicted[i]) {
                tp[gold[i]]++;
            } else {
                fp[predicted[i]]++;
                fn[gold[i]]++;
            }
        }
        double sum = 0;
        int n = 0;
        for (int c = 0; c < k; c++) {
            if (tp[c] + fp[c] + fn[c] == 0) {
                continue;
            }
            n++;
            sum += 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Smile's weights: (k-1) rows of p weights and the bias last, against class k-1. */
    private static double[][] train(double[][] x, int[] y, int k, double lambda, FitSettings s) {
        // One partition: Smile otherwise sums its objective over parallel pieces, whose order could differ by machine.
        System.setProperty("smile.data.partition.size", Integer.toString(Math.max(1, x.length)));
        if (k == 2) {
            // Smile's binomial model gives the log-odds of class 1; against class 1 as reference, class 0 has their negation.
            double[] w = LogisticRegression.binomial(x, y, lambda, s.tolerance(), s.maxIterations()).coefficients();
            double[] neg = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                neg[j] = -w[j];
            }
            return new double[][] {neg};
        }
        return LogisticRegression.multinomial(x, y, lambda, s.tolerance(), s.maxIterations()).coefficients();
    }

    private static double[] centred(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - mean;
        }
        return out;
    }
}
