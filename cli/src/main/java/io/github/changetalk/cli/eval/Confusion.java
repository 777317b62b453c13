package io.github.changetalk.cli.eval;

import java.util.List;

/**
 * A confusion matrix over a fixed list of labels (rows gold, columns predicted) and the agreement
 * figures computed from it. Precision, recall and F1 of a label with no predictions or no gold
 * instances are 0 (as scikit-learn's {@code zero_division=0}); macro-F1 averages F1 over the labels
 * that occur in the gold or the predictions.
 */
public final class Confusion {
    private final List<String> labels;
    private final long[][] counts;
    private long total;

    public Confusion(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.counts = new long[labels.size()][labels.size()];
    }

    public void add(String gold, String predicted) {
        int g = index(gold);
        int p = index(predicted);
        counts[g][p]++;
        total++;
    }

    private int index(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("unknown label '" + label + "' (expected one of " + labels + ")");
        }
        return i;
    }

    public List<String> labels() {
        return labels;
    }

    public long count(String gold, String predicted) {
        return counts[index(gold)][index(predicted)];
    }

    public long total() {
        return total;
    }

    public long goldCount(String label) {
        int g = index(label);
        long n = 0;
        for (long c : counts[g]) {
            n += c;
        }
        return n;
    }

    public long predictedCount(String label) {
        int p = index(label);
        long n = 0;
        for (long[] row : counts) {
            n += row[p];
        }
        return n;
    }

    public double accuracy() {
        if (total == 0) {
            return Double.NaN;
        }
        long agree = 0;
        for (int i = 0; i < labels.size(); i++) {
            agree += counts[i][i];
        }
        return agree / (double) total;
    }

    /** Cohen's kappa: (observed - chance agreement) / (1 - chance), chance from the two marginals. */
    public double kappa() {
        if (total == 0) {
            return Double.NaN;
        }
        double chance = 0;
        for (String l : labels) {
            chance += (goldCount(l) / (double) total) * (predictedCount(l) / (double) total);
        }
        return chance == 1.0 ? (accuracy() == 1.0 ? 1.0 : 0.0) : (accuracy() - chance) / (1 - chance);
    }

    public double precision(String label) {
        long p = predictedCount(label);
        return p == 0 ? 0 : count(label, label) / (double) p;
    }

    public double recall(String label) {
        long g = goldCount(label);
        return g == 0 ? 0 : count(label, label) / (double) g;
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the labels seen in gold or predictions. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (String l : labels) {
            if (goldCount(l) > 0 || predictedCount(l) > 0) {
                sum += f1(l);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Pearson's correlation of paired values; NaN with fewer than two pairs or no variance. */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("pearson: " + x.length + " x values but " + y.length + " y values");
        }
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
