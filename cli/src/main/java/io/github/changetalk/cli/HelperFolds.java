package io.github.changetalk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.Behaviour;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.internal.helper.CounselorFeatures;
import io.github.changetalk.Reading;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.cli.eval.GoldCodings;
import io.github.changetalk.cli.run.Processed;
import io.github.changetalk.internal.helper.WeightedBehaviour;
import io.github.changetalk.train.FitSettings;
import io.github.changetalk.train.WeightsTrainer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The helper side of {@code changetalk eval} over folds: the figures of all counselor turns together and, with
 * {@code --folds COLUMN}, of each fold apart. With {@code --weights fit}, each fold's counselor turns are decided
 * by counselor-behaviour weights fitted on the other folds' coded turns ({@link GoldCodings#fit}, the penalty
 * chosen by cross-validation within them), and the figures of all turns together are those of the cross-fitted
 * decisions: the 2-fold figures in one command. Not thread-safe: fed by the pipeline's writer.
 */
final class HelperFolds {
    /** One processed record kept for fitting: its fold and the direction the rules gave the client's turn before. */
    private record Row(Processed processed, String fold, CounselorFeatures.ClientBefore previousClient) {
    }

    private final boolean byFold;
    private final boolean fit;
    private final HelperEval all = new HelperEval();
    private final Map<String, HelperEval> folds = new TreeMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final ObjectNode fitted = JsonNodeFactory.instance.objectNode();

    /**
     * @param byFold whether to score each fold apart ({@code --folds})
     * @param fit    whether to fit counselor weights on the other folds ({@code --weights fit}); records are then
     *               kept until {@link #finish}
     */
    HelperFolds(boolean byFold, boolean fit) {
        this.byFold = byFold;
        this.fit = fit;
    }

    /**
     * Takes one processed record in output order; {@code previousClient} is the reading of the client turn before
     * it in its session (null: none, or not kept). Throws a one-line {@link CliException} for an unknown gold value.
     */
    void add(Processed p, String fold, Reading previousClient) {
        if (fit) {
            HelperEval.check(p);
            rows.add(new Row(p, fold, GoldCodings.previousClient(previousClient)));
        } else {
            score(p, fold);
        }
    }

    private void score(Processed p, String fold) {
        all.add(p);
        if (byFold) {
            folds.computeIfAbsent(fold, k -> new HelperEval()).add(p);
        }
    }

    /** With {@code --weights fit}: fits each fold's weights on the others and scores every kept record. */
    void finish() {
        if (!fit) {
            return;
        }
        List<GoldCodings.Turn> turns = new ArrayList<>();
        for (Row r : rows) {
            Processed p = r.processed();
            String gold = HelperEval.gold(p, HelperEval.BEHAVIOUR);
            if (gold != null && !p.isError() && p.reading() != null && p.reading().rules().coding() != null) {
                turns.add(new GoldCodings.Turn(p.input().source() + " / " + p.input().session(), r.fold(),
                        Behaviour.fromId(gold), p.reading().rules().coding(), r.previousClient()));
            }
        }
        Map<String, WeightedBehaviour> byFoldWeights = new TreeMap<>();
        if (!turns.isEmpty()) {
            FitSettings settings = TrainCommand.settings(TrainCommand.COUNSELOR_LAMBDAS, 5);
            for (String f : turns.stream().map(GoldCodings.Turn::fold).distinct().sorted().toList()) {
                List<GoldCodings.Turn> train = turns.stream().filter(t -> !t.fold().equals(f)).toList();
                if (train.isEmpty()) {
                    throw new CliException(CliException.FAILED, "--weights fit: no coded counselor turn outside fold " + f
                            + " to fit the counselor weights on");
                }
                WeightsTrainer.Fit w;
                try {
                    w = GoldCodings.fit(train, List.of(), settings, Map.of());
                } catch (IllegalArgumentException e) {
                    throw new CliException(CliException.FAILED, "cannot fit counselor weights for fold " + f + ": "
                            + e.getMessage());
                }
                byFoldWeights.put(f, new WeightedBehaviour(w.weights(), "fitted on the folds other than " + f));
                fitted.putObject(f).put("lambda", w.lambda()).put("trained_on", train.size());
            }
        }
        for (Row r : rows) {
            Processed p = r.processed();
            WeightedBehaviour w = byFoldWeights.get(r.fold());
            CounselorCoding c = p.isError() || p.reading() == null ? null : p.reading().rules().coding();
            if (w != null && c != null) {
                UtteranceResult u = p.result();
                p = new Processed(p.input(), new UtteranceResult(u.text(), u.speaker(), u.label(), u.direction(), u.kind(),
                        u.sentences(), u.notices(), w.decide(c, r.previousClient()), u.weighing()), null, p.reading());
            }
            score(p, r.fold());
        }
        rows.clear();
    }

    boolean hasGold() {
        return all.hasGold();
    }

    boolean hasQuality() {
        return all.hasQuality();
    }

    /** All turns' figures, with each fold's under {@code folds} (and {@code fitted}: per fold the penalty and training turns). */
    ObjectNode report(boolean summary) {
        ObjectNode r = all.report(summary);
        if (byFold) {
            ObjectNode f = r.putObject("folds");
            folds.forEach((fold, eval) -> {
                ObjectNode one = eval.report(summary);
                one.remove("sessions");
                if (fitted.has(fold)) {
                    one.set("fitted", fitted.get(fold));
                }
                f.set(fold, one);
            });
        }
        return r;
    }

    /**
     * One line per fold: behaviour macro-F1 and per-group F1, open/closed and simple/complex accuracy, AUC; and with
     * a gold code column, the turns with a code, code accuracy and the righting reflex's F1.
     */
    static void printFolds(PrintWriter out, ObjectNode r, String weights) {
        if (!r.has("folds")) {
            return;
        }
        out.println();
        out.println("helper turns per fold (counselor weights: " + weights + "):");
        List<List<String>> rows = new ArrayList<>();
        boolean codes = r.has(MiscCodeEval.CODE);
        List<String> head = new ArrayList<>(List.of("fold", "scored", "macro-F1", "question F1", "reflection F1",
                "input F1", "other F1", "open/closed", "simple/complex", "AUC", "fitted on (lambda)"));
        if (codes) {
            head.addAll(List.of("code turns", "code accuracy", "righting reflex F1"));
        }
        rows.add(head);
        r.get("folds").fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            JsonNode b = f.get("behaviour");
            List<String> row = new ArrayList<>(List.of(e.getKey(), f.get("scored").asText(),
                    b == null ? "" : EvalCommand.num(b.get("macro_f1"))));
            for (Behaviour g : Behaviour.values()) {
                row.add(b == null || !b.get("labels").has(g.id()) ? "" : EvalCommand.num(b.get("labels").get(g.id()).get("f1")));
            }
            row.add(f.has(HelperEval.QUESTION) ? EvalCommand.num(f.get(HelperEval.QUESTION).get("accuracy")) : "");
            row.add(f.has(HelperEval.REFLECTION) ? EvalCommand.num(f.get(HelperEval.REFLECTION).get("accuracy")) : "");
            row.add(f.has("mi_adherence_auc") ? EvalCommand.num(f.get("mi_adherence_auc").get("auc")) : "");
            JsonNode fit = f.get("fitted");
            row.add(fit == null ? "" : fit.get("trained_on").asText() + " turns (" + fit.get("lambda").asText() + ")");
            if (codes) {
                JsonNode c = f.get(MiscCodeEval.CODE);
                row.addAll(c == null ? List.of("0", "", "") : List.of(c.get("turns").asText(),
                        EvalCommand.num(c.get("accuracy")), EvalCommand.num(c.get("righting_reflex").get("f1"))));
            }
            rows.add(row);
        });
        RulesCommand.printTable(out, rows);
    }
}
