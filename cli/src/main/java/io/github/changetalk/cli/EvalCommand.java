package io.github.changetalk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.Direction;
import io.github.changetalk.Label;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.cli.eval.Confusion;
import io.github.changetalk.cli.io.Inputs;
import io.github.changetalk.cli.eval.Gold;
import io.github.changetalk.cli.eval.GoldReadings;
import io.github.changetalk.cli.run.PreviousTurns;
import io.github.changetalk.Reading;
import io.github.changetalk.internal.engine.WeightedDecision;
import io.github.changetalk.train.FitSettings;
import io.github.changetalk.train.WeightsTrainer;
import io.github.changetalk.cli.run.Pipeline;
import io.github.changetalk.cli.run.Processed;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code changetalk eval}: classifies gold files exactly as classify would (transcripts keep their
 * context) and compares the labels with the gold column.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {
            "Compares the labels with a gold column.",
            "Gives accuracy, Cohen's kappa, per-label precision, recall and F1, macro-F1 and the confusion matrix, "
                    + "over the nine labels and collapsed to change/sustain/neutral. A gold column coded "
                    + "change/sustain/neutral gets the three-way figures only. Rows with an empty gold value "
                    + "(counselor turns) are not scored but are still context for the rows after them.",
            "Counselor turns are scored when the gold has the columns behaviour (question, reflection, "
                    + "therapist_input, other), question (open, closed) or reflection (simple, complex): behaviour "
                    + "accuracy, per-class P/R/F1, macro-F1 and confusion, and open/closed and simple/complex accuracy "
                    + "on the turns whose gold has them (counselor packs must be loaded).",
            "Counselor rows with a MISC 2.5 code in the column code (OQ CQ SR CR AF EC SU GI ADP ADW RCP RCW CO DI WA "
                    + "FA FI ST, any case; QUO QUC RES REC for OQ CQ SR CR; RF, which changetalk never gives, is a class "
                    + "of its own) are scored against the turn's code: the righting reflex (mi_inconsistent against a gold "
                    + "ADW RCW CO DI or WA) precision, recall and F1, the MI-adherent / neutral / MI-inconsistent confusion, "
                    + "and code accuracy with per-code P/R/F1. Client rows' codes are not read.",
        },
        footer = {
            "",
            "Examples:",
            "  changetalk eval --gold testdata/gold/dev.csv",
            "  changetalk eval --gold testdata/gold/dev.csv --errors",
            "  changetalk eval --gold sessions.csv --gold-column code --summary --format json",
            "  changetalk eval --gold annomi-dev/transcripts.csv --summary   (client labels, helper codes, mi_adherence AUC)",
            "  changetalk eval --gold study.csv --folds fold --summary                 each fold apart",
            "  changetalk eval --gold study.csv --folds fold --weights fit             weights fitted on the other fold",
        })
public final class EvalCommand implements Callable<Integer> {
    private static final List<String> NINE = Gold.NINE;
    private static final List<String> THREE = Gold.THREE;

    @Mixin
    GoldOptions golds = new GoldOptions();

    @Option(names = "--errors", description = "List each misclassified utterance with the rules that fired.")
    boolean errors;

    @Option(names = "--summary", description = "Add per session the change-talk share CT/(CT+ST), predicted and gold, and their correlation;"
            + " and the helper scores per session, with the ROC AUC of mi_adherence for high vs low sessions when the gold has a mi_quality column.")
    boolean summary;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--folds", paramLabel = "COLUMN",
            description = {"Score each fold (the value of COLUMN; rows without one form the fold '(none)') separately, "
                    + "as well as all together. With --weights fit, weights are fitted for each fold on the other folds "
                    + "(changetalk train's fit, penalty by cross-validation within them) and score that fold only: the "
                    + "2-fold figures in one command."})
    String folds;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    ClassifierOptions rules = new ClassifierOptions();

    @Mixin
    DebugOption debug = new DebugOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One scored utterance; {@code reading} and {@code previous} are kept for --weights fit only. */
    private record Scored(String where, String session, String gold, Label predicted, String text, List<String> fired,
                          String fold, GoldReadings.Turn turn) {
        Scored withPredicted(Label label) {
            return new Scored(where, session, gold, label, text, fired, fold, turn);
        }
    }

    /** The fold of rows with no value in the --folds column. */
    private static final String NO_FOLD = "(none)";

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!fmt.equals("text") && !fmt.equals("json")) {
            throw new CliException(CliException.USAGE, "--format: expected text or json, not '" + format + "'");
        }
        checkGoldColumn();
        boolean fit = rules.fitWeights();
        if (fit && folds == null) {
            throw new CliException(CliException.USAGE, "--weights fit needs --folds COLUMN: each fold is scored with weights fitted on the others");
        }
        List<Scored> collected = new ArrayList<>();
        long[] unscored = {0};
        CliException[] bad = {null};
        HelperFolds helper = new HelperFolds(folds != null, fit);
        PreviousTurns previous = new PreviousTurns();
        List<String> ruleIds = new ArrayList<>();
        Pipeline.Outcome outcome = Runner.run(golds.files, input, rules, debug.debug, out, err,
                c -> c.rules().forEach(r -> ruleIds.add(r.id())), p -> {
            if (bad[0] != null) {
                return;
            }
            Reading before = null;
            if (fit && p.reading() != null && !p.isError()) {
                before = previous.before(p.input());
                previous.record(p.input(), p.reading());
            }
            try {
                helper.add(p, foldOf(p), before); // counselor turns against the helper gold columns; every row for mi_quality
            } catch (CliException e) {
                bad[0] = e;
                return;
            }
            GoldReadings.Turn turn = null;
            String g = goldOf(p);
            if (fit && p.reading() != null && !p.isError() && g != null && p.reading().decidable()) {
                turn = new GoldReadings.Turn(p.input().where(), p.input().source() + " / " + p.input().session(),
                        foldOf(p), g, p.reading(), before);
            }
            if (g == null || p.isError()) {
                unscored[0]++;
                return;
            }
            if (p.result() == null || p.result().label() == null) {
                unscored[0]++;
                return;
            }
            if (!Gold.valid(g)) {
                bad[0] = Gold.invalid(p.input(), g, golds.column);
                return;
            }
            List<String> fired = new ArrayList<>();
            for (SentenceResult s : p.result().sentences()) {
                s.evidence().forEach(e -> {
                    if (!fired.contains(e.rule())) {
                        fired.add(e.rule());
                    }
                });
            }
            collected.add(new Scored(p.input().where(), p.input().session(), g, p.result().label(),
                    errors ? p.input().text() : null, fired, foldOf(p), turn));
        }, fit);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        if (bad[0] != null) {
            throw bad[0];
        }
        helper.finish();
        List<Scored> scored = collected;
        boolean helperGold = helper.hasGold() || (summary && helper.hasQuality());
        if (scored.isEmpty() && !helperGold) {
            throw new CliException(CliException.FAILED, "no utterance with a gold label in column '" + golds.column
                    + "' to score (choose it with --gold-column), and no counselor turn with a gold '"
                    + HelperEval.BEHAVIOUR + "', '" + HelperEval.QUESTION + "', '" + HelperEval.REFLECTION + "' or '"
                    + MiscCodeEval.CODE + "'");
        }
        boolean threeWayGold = scored.stream().anyMatch(s -> s.gold().equals("change"));
        ObjectNode fitted = null;
        if (fit && !scored.isEmpty()) {
            fitted = JsonNodeFactory.instance.objectNode();
            scored = crossFitted(scored, ruleIds, fitted);
        }
        ObjectNode report = scored.isEmpty() ? null : report(scored, unscored[0], threeWayGold);
        if (report != null && folds != null) {
            report.put("fold_column", folds);
            report.put("weights", fit ? "fitted on the other folds" : rules.weights == null ? "default" : rules.weights.strip());
            ObjectNode byFold = report.putObject("folds");
            for (String f : foldValues(scored)) {
                List<Scored> in = scored.stream().filter(s -> s.fold().equals(f)).toList();
                ObjectNode r = report(in, 0, threeWayGold);
                r.remove(List.of("gold", "gold_column", "not_scored", "gold_scheme", "errors"));
                if (fitted != null) {
                    r.set("fitted", fitted.get(f));
                }
                byFold.set(f, r);
            }
        }
        ObjectNode helperReport = helperGold ? helper.report(summary) : null;
        if (fmt.equals("json")) {
            ObjectNode all = report != null ? report : JsonNodeFactory.instance.objectNode();
            if (helperReport != null) {
                all.set("helper", helperReport);
            }
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } else {
            if (report != null) {
                printText(out, report, threeWayGold);
            } else {
                out.println("no client utterance with a gold label in column '" + golds.column + "': helper codes only");
            }
            if (helperReport != null) {
                HelperEval.print(out, helperReport);
                HelperFolds.printFolds(out, helperReport, fit ? "fitted on the other folds"
                        : rules.weights == null ? "default" : rules.weights.strip());
            }
        }
        return 0;
    }

    /**
     * A usage error, before anything is classified, when no gold file has the gold column: naming the
     * columns they have, and the nearest to the one asked for. Gold on standard input is checked only
     * as it is read.
     */
    private void checkGoldColumn() {
        List<String> columns = Inputs.open(golds.files, input.readOptions(), InputStream.nullInputStream(), m -> { }).fieldNames();
        if (!columns.isEmpty() && !columns.contains(golds.column)) {
            throw new CliException(CliException.USAGE, "--gold-column: no column '" + golds.column + "' in the gold files"
                    + DidYouMean.hint(golds.column, columns) + " (columns: " + String.join(", ", columns) + ")");
        }
    }

    private String foldOf(Processed p) {
        if (folds == null) {
            return NO_FOLD;
        }
        String f = Gold.value(p.input(), folds);
        return f == null ? NO_FOLD : f;
    }

    private static List<String> foldValues(List<Scored> scored) {
        return scored.stream().map(Scored::fold).distinct().sorted().toList();
    }

    /**
     * Each fold's turns decided by weights fitted on the other folds' turns; {@code fitted} gets, per fold, the
     * penalty chosen and the number of training turns. A fold with nothing to train on is an error.
     */
    private List<Scored> crossFitted(List<Scored> scored, List<String> ruleIds, ObjectNode fitted) {
        List<String> values = foldValues(scored);
        if (values.size() < 2) {
            throw new CliException(CliException.FAILED, "--weights fit needs at least two folds in column '" + folds
                    + "', found " + values);
        }
        FitSettings settings = TrainCommand.settings(List.of(), 5);
        Map<String, WeightedDecision> byFold = new LinkedHashMap<>();
        for (String f : values) {
            List<GoldReadings.Turn> train = scored.stream().filter(s -> !s.fold().equals(f) && s.turn() != null)
                    .map(Scored::turn).toList();
            WeightsTrainer.Fit fit;
            try {
                fit = GoldReadings.fit(train, ruleIds, settings, Map.of());
            } catch (IllegalArgumentException e) {
                throw new CliException(CliException.FAILED, "cannot fit weights for fold " + f + ": " + e.getMessage());
            }
            byFold.put(f, new WeightedDecision(fit.weights(), "fitted on the folds other than " + f));
            fitted.putObject(f).put("lambda", fit.lambda()).put("trained_on", train.size());
        }
        List<Scored> out = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            out.add(s.turn() == null ? s : s.withPredicted(
                    byFold.get(s.fold()).decide(s.turn().reading(), s.turn().previous()).label()));
        }
        return out;
    }

    private String goldOf(Processed p) {
        return Gold.value(p.input(), golds.column);
    }

    private static String threeWay(String label) {
        return Gold.direction(label);
    }

    private ObjectNode report(List<Scored> scored, long unscored, boolean threeWayGold) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode r = f.objectNode();
        ArrayNode files = r.putArray("gold");
        golds.files.forEach(files::add);
        r.put("gold_column", golds.column);
        r.put("scored", scored.size());
        r.put("not_scored", unscored);
        r.put("gold_scheme", threeWayGold ? "change/sustain/neutral" : "nine labels");
        if (!threeWayGold) {
            Confusion nine = new Confusion(NINE);
            scored.forEach(s -> nine.add(s.gold(), s.predicted().id()));
            r.set("nine_way", figures(nine));
        }
        Confusion three = new Confusion(THREE);
        scored.forEach(s -> three.add(threeWay(s.gold()), s.predicted().direction().id()));
        r.set("three_way", figures(three));
        if (summary) {
            sessions(r, scored);
        }
        if (errors) {
            ArrayNode list = r.putArray("errors");
            for (Scored s : scored) {
                boolean wrong = threeWayGold ? !threeWay(s.gold()).equals(s.predicted().direction().id()) : !s.gold().equals(s.predicted().id());
                if (wrong) {
                    ObjectNode e = list.addObject();
                    e.put("where", s.where());
                    e.put("gold", s.gold());
                    e.put("predicted", threeWayGold ? s.predicted().direction().id() : s.predicted().id());
                    e.put("text", s.text());
                    ArrayNode fired = e.putArray("rules");
                    s.fired().forEach(fired::add);
                }
            }
        }
        return r;
    }

    static ObjectNode figures(Confusion c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("accuracy", round(c.accuracy()));
        o.put("kappa", round(c.kappa()));
        o.put("macro_f1", round(c.macroF1()));
        ObjectNode labels = o.putObject("labels");
        for (String l : c.labels()) {
            labels.putObject(l).put("precision", round(c.precision(l))).put("recall", round(c.recall(l)))
                    .put("f1", round(c.f1(l))).put("gold", c.goldCount(l)).put("predicted", c.predictedCount(l));
        }
        ObjectNode confusion = o.putObject("confusion");
        for (String g : c.labels()) {
            ObjectNode row = confusion.putObject(g);
            for (String p : c.labels()) {
                row.put(p, c.count(g, p));
            }
        }
        return o;
    }

    private static void sessions(ObjectNode r, List<Scored> scored) {
        Map<String, long[]> by = new LinkedHashMap<>(); // predicted CT, ST, gold CT, ST
        for (Scored s : scored) {
            long[] c = by.computeIfAbsent(s.session(), k -> new long[4]);
            Direction p = s.predicted().direction();
            String g = threeWay(s.gold());
            c[0] += p == Direction.CHANGE ? 1 : 0;
            c[1] += p == Direction.SUSTAIN ? 1 : 0;
            c[2] += g.equals("change") ? 1 : 0;
            c[3] += g.equals("sustain") ? 1 : 0;
        }
        ArrayNode list = r.putArray("sessions");
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        long[] all = new long[4];
        for (Map.Entry<String, long[]> e : by.entrySet()) {
            long[] c = e.getValue();
            for (int i = 0; i < 4; i++) {
                all[i] += c[i];
            }
            list.add(session(e.getKey(), c));
            double ps = share(c[0], c[1]);
            double gs = share(c[2], c[3]);
            if (!Double.isNaN(ps) && !Double.isNaN(gs)) {
                xs.add(ps);
                ys.add(gs);
            }
        }
        r.set("overall", session("overall", all));
        double corr = Confusion.pearson(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        r.put("share_correlation", round(corr));
        r.put("share_correlation_sessions", xs.size());
    }

    private static ObjectNode session(String name, long[] c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("session", name);
        o.put("predicted_ct", c[0]).put("predicted_st", c[1]).put("predicted_share", round(share(c[0], c[1])));
        o.put("gold_ct", c[2]).put("gold_st", c[3]).put("gold_share", round(share(c[2], c[3])));
        return o;
    }

    private static double share(long ct, long st) {
        return ct + st == 0 ? Double.NaN : ct / (double) (ct + st);
    }

    /** Three decimals; NaN (undefined: no data) stays NaN and is printed as null/n/a. */
    static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
    }

    private void printText(PrintWriter out, ObjectNode r, boolean threeWayGold) {
        out.println("scored " + r.get("scored").asLong() + " utterances against column '" + golds.column + "' of "
                + String.join(", ", golds.files) + " (" + r.get("not_scored").asLong() + " records without gold or label not scored)");
        if (threeWayGold) {
            out.println("gold is coded change/sustain/neutral: three-way figures only");
        } else {
            printFigures(out, "nine labels", (ObjectNode) r.get("nine_way"));
        }
        printFigures(out, "three-way (change / sustain / neutral)", (ObjectNode) r.get("three_way"));
        if (r.has("sessions")) {
            out.println();
            out.println("sessions (change-talk share CT/(CT+ST), predicted vs gold):");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("session", "pred CT", "pred ST", "pred share", "gold CT", "gold ST", "gold share"));
            List<ObjectNode> sessions = new ArrayList<>();
            r.get("sessions").forEach(n -> sessions.add((ObjectNode) n));
            sessions.add((ObjectNode) r.get("overall"));
            for (ObjectNode s : sessions) {
                rows.add(List.of(s.get("session").asText(), s.get("predicted_ct").asText(), s.get("predicted_st").asText(),
                        num(s.get("predicted_share")), s.get("gold_ct").asText(), s.get("gold_st").asText(), num(s.get("gold_share"))));
            }
            RulesCommand.printTable(out, rows);
            out.println("Pearson r of predicted vs gold share over " + r.get("share_correlation_sessions").asInt()
                    + " sessions: " + num(r.get("share_correlation")));
        }
        if (r.has("folds")) {
            printFolds(out, r);
        }
        if (r.has("errors")) {
            out.println();
            out.println("misclassified (" + r.get("errors").size() + "):");
            r.get("errors").forEach(e -> {
                List<String> fired = new ArrayList<>();
                e.get("rules").forEach(x -> fired.add(x.asText()));
                out.println("  " + e.get("where").asText() + "  gold " + e.get("gold").asText() + ", predicted "
                        + e.get("predicted").asText() + ": \"" + e.get("text").asText() + "\"  rules: "
                        + (fired.isEmpty() ? "none" : String.join(", ", fired)));
            });
        }
    }

    /** One line per fold, then all folds together: the three-way figures (and session r with --summary). */
    private static void printFolds(PrintWriter out, ObjectNode r) {
        out.println();
        out.println("per fold (column '" + r.get("fold_column").asText() + "'; weights: " + r.get("weights").asText() + "):");
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("fold", "scored", "accuracy", "kappa", "macro-F1", "change F1",
                "sustain F1", "neutral F1"));
        boolean sessions = r.has("share_correlation");
        boolean fitted = false;
        for (var it = r.get("folds").elements(); it.hasNext(); ) {
            fitted |= it.next().has("fitted");
        }
        if (sessions) {
            head.add("session r");
        }
        if (fitted) {
            head.add("lambda (trained on)");
        }
        rows.add(head);
        List<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> entries = new ArrayList<>();
        r.get("folds").fields().forEachRemaining(entries::add);
        entries.add(Map.entry("all", r));
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : entries) {
            com.fasterxml.jackson.databind.JsonNode f = e.getValue();
            com.fasterxml.jackson.databind.JsonNode three = f.get("three_way");
            List<String> row = new ArrayList<>(List.of(e.getKey(), f.get("scored").asText(), num(three.get("accuracy")),
                    num(three.get("kappa")), num(three.get("macro_f1")), num(three.get("labels").get("change").get("f1")),
                    num(three.get("labels").get("sustain").get("f1")), num(three.get("labels").get("neutral").get("f1"))));
            if (sessions) {
                row.add(num(f.get("share_correlation")));
            }
            if (fitted) {
                com.fasterxml.jackson.databind.JsonNode fit = f.get("fitted");
                row.add(fit == null ? "" : fit.get("lambda").asText() + " (" + fit.get("trained_on").asText() + ")");
            }
            rows.add(row);
        }
        RulesCommand.printTable(out, rows);
    }

    static String num(com.fasterxml.jackson.databind.JsonNode n) {
        return n == null || n.isNull() ? "n/a" : String.format(Locale.ROOT, "%.3f", n.asDouble());
    }

    static void printFigures(PrintWriter out, String title, ObjectNode fig) {
        out.println();
        out.println(title + ": accuracy " + num(fig.get("accuracy")) + "  kappa " + num(fig.get("kappa"))
                + "  macro-F1 " + num(fig.get("macro_f1")));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("label", "precision", "recall", "F1", "gold", "predicted"));
        fig.get("labels").fields().forEachRemaining(e -> rows.add(List.of(e.getKey(), num(e.getValue().get("precision")),
                num(e.getValue().get("recall")), num(e.getValue().get("f1")), e.getValue().get("gold").asText(),
                e.getValue().get("predicted").asText())));
        RulesCommand.printTable(out, rows);
        out.println("confusion (rows gold, columns predicted):");
        printConfusion(out, fig.get("confusion"));
    }

    /** A confusion matrix written as JSON (gold label -> predicted label -> count) as an aligned table. */
    static void printConfusion(PrintWriter out, com.fasterxml.jackson.databind.JsonNode confusion) {
        List<List<String>> cm = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(""));
        confusion.elements().next().fieldNames().forEachRemaining(head::add);
        cm.add(head);
        confusion.fields().forEachRemaining(e -> {
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            e.getValue().forEach(v -> row.add(v.asText()));
            cm.add(row);
        });
        RulesCommand.printTable(out, cm);
    }
}
