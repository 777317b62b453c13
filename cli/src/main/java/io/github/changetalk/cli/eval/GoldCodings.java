package io.github.changetalk.cli.eval;

import io.github.changetalk.Behaviour;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Reading;
import io.github.changetalk.cli.run.PreviousTurns;
import io.github.changetalk.cli.run.Processed;
import io.github.changetalk.internal.helper.CounselorFeatures;
import io.github.changetalk.internal.helper.WeightedBehaviour;
import io.github.changetalk.internal.weights.EvidenceWeights;
import io.github.changetalk.train.Example;
import io.github.changetalk.train.FitSettings;
import io.github.changetalk.train.WeightsTrainer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coded counselor turns of a run as the counselor's evidence weights see them, collected in output order:
 * each turn's coding by the rules (before any weights), the direction the rules gave the client's turn before
 * it in its session, its gold behaviour group, session and fold. What {@code train --decides counselor-behaviour}
 * fits on and {@code eval --weights fit} fits and scores on. Not thread-safe: fed by the pipeline's writer.
 */
public final class GoldCodings {
    /**
     * One coded counselor turn.
     *
     * @param group          its session, with its file (cross-validation never splits one)
     * @param fold           its fold column's value, or null
     * @param gold           the gold group
     * @param coding         the turn as the rules coded it
     * @param before the client's turn before it, as the weights read it, or null
     */
    public record Turn(String group, String fold, Behaviour gold, CounselorCoding coding,
                       CounselorFeatures.ClientBefore before) {
        /** The turn decided by these weights. */
        public CounselorCoding decided(WeightedBehaviour weights) {
            return weights.decide(coding, before);
        }
    }

    private final PreviousTurns previous = new PreviousTurns();
    private final List<Turn> turns = new ArrayList<>();

    /**
     * Takes a processed record (kept with its reading): remembers a client turn as its session's previous turn,
     * and keeps a counselor turn the rules coded when it has a gold group. {@code gold} and {@code fold} are the
     * record's values (null when absent).
     */
    public void add(Processed p, Behaviour gold, String fold) {
        Reading r = p.reading();
        if (r == null || p.isError()) {
            return;
        }
        Reading before = previous.before(p.input());
        previous.record(p.input(), r);
        CounselorCoding coding = r.rules().coding();
        if (gold != null && coding != null) {
            turns.add(new Turn(p.input().source() + " / " + p.input().session(), fold, gold, coding, previousClient(before)));
        }
    }

    /** The client's turn before a counselor turn, from its reading (null: none). */
    public static CounselorFeatures.ClientBefore previousClient(Reading before) {
        return before == null ? null : new CounselorFeatures.ClientBefore(before.rules().direction(), before.rules().text());
    }

    public List<Turn> turns() {
        return List.copyOf(turns);
    }

    /**
     * Fits counselor-behaviour weights on some of these turns: one example per sentence, labelled with its
     * turn's gold group, a regularised multinomial logistic regression (train module), groups the sessions.
     * With more than one penalty to choose from, the penalty is chosen by cross-validation grouped by session
     * on what is scored: the turns' groups as {@link WeightedBehaviour} rolls their sentences up (macro-F1).
     *
     * @param universe features every weights file lists (the loaded counselor rules), weight 0 when never seen
     */
    public static WeightsTrainer.Fit fit(List<Turn> turns, Collection<String> universe, FitSettings settings,
                                         Map<String, List<String>> provenance) {
        if (settings.lambdas().size() == 1) {
            return WeightsTrainer.fit(WeightedBehaviour.DECIDES, WeightedBehaviour.CLASSES, examples(turns), universe,
                    settings, provenance);
        }
        List<Example> byTurn = new ArrayList<>(turns.size());
        for (Turn t : turns) {
            byTurn.add(new Example(Set.of(), t.gold().id(), t.group()));
        }
        int[] fold = WeightsTrainer.folds(byTurn, settings.folds());
        double lambda = settings.lambdas().get(0);
        double best = Double.NEGATIVE_INFINITY;
        StringBuilder tried = new StringBuilder();
        for (double l : settings.lambdas()) {
            int[] gold = new int[turns.size()];
            int[] predicted = new int[turns.size()];
            for (int f = 0; f < settings.folds(); f++) {
                List<Turn> train = new ArrayList<>();
                for (int i = 0; i < turns.size(); i++) {
                    if (fold[i] != f) {
                        train.add(turns.get(i));
                    }
                }
                WeightedBehaviour w = new WeightedBehaviour(WeightsTrainer.fit(WeightedBehaviour.DECIDES,
                        WeightedBehaviour.CLASSES, examples(train), List.of(), settings.withLambda(l), Map.of()).weights(), "cv");
                for (int i = 0; i < turns.size(); i++) {
                    if (fold[i] == f) {
                        gold[i] = WeightedBehaviour.CLASSES.indexOf(turns.get(i).gold().id());
                        predicted[i] = WeightedBehaviour.CLASSES.indexOf(turns.get(i).decided(w).behaviour().id());
                    }
                }
            }
            double f1 = WeightsTrainer.macroF1(gold, predicted, WeightedBehaviour.CLASSES.size());
            tried.append(tried.isEmpty() ? "" : ", ").append(l).append(" -> ").append(String.format(java.util.Locale.ROOT, "%.3f", f1));
            if (f1 > best + 1e-12) { // on a tie the penalty listed first stays
                best = f1;
                lambda = l;
            }
        }
        WeightsTrainer.Fit fit = WeightsTrainer.fit(WeightedBehaviour.DECIDES, WeightedBehaviour.CLASSES, examples(turns),
                universe, settings.withLambda(lambda), provenance);
        // The trainer's provenance says the penalty was given; say how it was chosen, from which values.
        Map<String, List<String>> prov = new java.util.LinkedHashMap<>(fit.weights().provenance());
        prov.put("fitting", List.of(prov.get("fitting").get(0).replace("lambda from [" + lambda + "]",
                "lambda from " + settings.lambdas())));
        prov.put("lambda", List.of(lambda + " chosen by " + settings.folds() + "-fold cross-validation grouped by "
                + "session, maximising the macro-F1 of the turns' groups (sentences rolled up by words): " + tried));
        return new WeightsTrainer.Fit(withProvenance(fit.weights(), prov), lambda, fit.crossValidated(), fit.featureCounts());
    }

    private static EvidenceWeights withProvenance(EvidenceWeights w, Map<String, List<String>> provenance) {
        int k = w.classes().size();
        double[] bias = new double[k];
        Map<String, double[]> weights = new java.util.TreeMap<>();
        for (int c = 0; c < k; c++) {
            bias[c] = w.bias(c);
        }
        for (String f : w.features()) {
            double[] v = new double[k];
            for (int c = 0; c < k; c++) {
                v[c] = w.weight(f, c);
            }
            weights.put(f, v);
        }
        return new EvidenceWeights(w.decides(), w.classes(), bias, weights, provenance);
    }

    private static List<Example> examples(List<Turn> turns) {
        List<Example> examples = new ArrayList<>();
        for (Turn t : turns) {
            for (Set<String> f : CounselorFeatures.of(t.coding(), t.before())) {
                examples.add(new Example(f, t.gold().id(), t.group()));
            }
        }
        return examples;
    }
}
