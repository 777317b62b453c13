package io.github.changetalk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.changetalk.cli.eval.Gold;
import io.github.changetalk.cli.eval.RuleStats;
import io.github.changetalk.cli.run.Pipeline;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code changetalk rules stats}: per-rule evidence on coded data (issue 19), as SpamAssassin reports per rule. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Per rule, on coded files: how often it fired and how often its direction was right.",
            "For each rule: how many client turns it fired on (not vetoed, counted once per turn), how often its "
                    + "direction was the gold direction (a neutral rule: gold neutral), how often it was wrong, its "
                    + "precision with a 95%% Wilson interval, how often its kind was the gold kind (where the gold has "
                    + "kinds and the direction was right), and how often it decided the turn; for all turns, per gold "
                    + "file and per fold. Rules wrong more often than right are marked '!'. A rule read through the "
                    + "counselor turn (a short answer taking its talk) is listed as 'RULE (echo)'.",
        },
        footer = {
            "",
            "Examples:",
            "  changetalk rules stats --gold testdata/gold/dev.csv",
            "  changetalk rules stats --gold study.csv --fold-column fold --sort precision --min-fires 5",
            "  changetalk rules stats --gold a.csv b.csv --format csv > stats.csv",
        })
final class RuleStatsCommand implements Callable<Integer> {
    @Mixin
    GoldOptions golds = new GoldOptions();

    @Option(names = "--kind-column", paramLabel = "NAME", defaultValue = "kind",
            description = "The column holding the gold DARN-CAT kind, sustain talk's too, where there is one (default: "
                    + "${DEFAULT-VALUE}); without it a change-talk label gives the kind.")
    String kindColumn;

    @Option(names = "--fold-column", paramLabel = "NAME", defaultValue = "fold",
            description = "The column naming each row's fold; figures per fold when present (default: ${DEFAULT-VALUE}).")
    String foldColumn;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "fires",
            description = "fires (most first), precision (lowest first), wrong (most first) or rule (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--min-fires", paramLabel = "N", defaultValue = "1",
            description = "List only rules that fired at least N times in all (default: ${DEFAULT-VALUE}).")
    int minFires;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    ClassifierOptions rules = new ClassifierOptions();

    @Mixin
    DebugOption debug = new DebugOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("text", "csv", "json").contains(fmt)) {
            throw new CliException(CliException.USAGE, "--format: expected text, csv or json, not '" + format + "'");
        }
        RuleStats.Sort order;
        try {
            order = RuleStats.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "--sort: expected fires, precision, wrong or rule, not '" + sort + "'");
        }
        if (minFires < 1) {
            throw new CliException(CliException.USAGE, "--min-fires must be at least 1, was " + minFires);
        }
        RuleStats stats = new RuleStats();
        long[] turns = {0};
        CliException[] bad = {null};
        Pipeline.Outcome outcome = Runner.run(golds.files, input, rules, debug.debug, out, spec.commandLine().getErr(), p -> {
            if (bad[0] != null || p.isError() || p.result() == null || p.result().label() == null) {
                return;
            }
            String g = Gold.value(p.input(), golds.column);
            if (g == null) {
                return;
            }
            if (!Gold.valid(g)) {
                bad[0] = Gold.invalid(p.input(), g, golds.column);
                return;
            }
            List<String> scopes = new ArrayList<>();
            if (golds.files.size() > 1) {
                scopes.add("file:" + p.input().source());
            }
            String fold = Gold.value(p.input(), foldColumn);
            if (fold != null) {
                scopes.add("fold:" + fold);
            }
            stats.add(p.result(), Gold.direction(g), Gold.kind(g, Gold.value(p.input(), kindColumn)), scopes);
            turns[0]++;
        });
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        if (bad[0] != null) {
            throw bad[0];
        }
        if (turns[0] == 0) {
            throw new CliException(CliException.FAILED, "no client turn with a gold label in column '" + golds.column
                    + "' (choose it with --gold-column)");
        }
        List<RuleStats.Row> rows = stats.rows(order).stream().filter(r -> r.all().fires() >= minFires).toList();
        switch (fmt) {
            case "json" -> out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(stats, rows, turns[0])));
            case "csv" -> csv(out, stats, rows);
            default -> text(out, stats, rows, turns[0]);
        }
        return 0;
    }

    private ObjectNode json(RuleStats stats, List<RuleStats.Row> rows, long turns) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        ArrayNode files = r.putArray("gold");
        golds.files.forEach(files::add);
        r.put("gold_column", golds.column);
        r.put("turns", turns);
        ArrayNode scopes = r.putArray("scopes");
        stats.scopes().forEach(scopes::add);
        ArrayNode list = r.putArray("rules");
        for (RuleStats.Row row : rows) {
            ObjectNode o = list.addObject();
            o.put("rule", row.rule());
            o.put("direction", row.direction().id());
            o.put("kind", row.kind() == null ? null : row.kind().id());
            ObjectNode by = o.putObject("scopes");
            for (String scope : stats.scopes()) {
                RuleStats.Counts c = row.scopes().get(scope);
                if (c != null) {
                    ObjectNode s = by.putObject(scope);
                    s.put("fires", c.fires()).put("right", c.right()).put("wrong", c.wrong());
                    s.put("precision", round(c.precision()));
                    double[] w = c.wilson();
                    s.put("wilson_low", round(w[0])).put("wilson_high", round(w[1]));
                    s.put("kind_scored", c.kindScored()).put("kind_right", c.kindRight());
                    s.put("decided", c.decided()).put("wrong_more_than_right", c.wrongMoreThanRight());
                }
            }
        }
        return r;
    }

    private static void csv(PrintWriter out, RuleStats stats, List<RuleStats.Row> rows) {
        out.println("rule,direction,kind,scope,fires,right,wrong,precision,wilson_low,wilson_high,kind_scored,kind_right,"
                + "decided,wrong_more_than_right");
        for (RuleStats.Row row : rows) {
            for (String scope : stats.scopes()) {
                RuleStats.Counts c = row.scopes().get(scope);
                if (c == null) {
                    continue;
                }
                double[] w = c.wilson();
                out.println(String.join(",", cell(row.rule()), row.direction().id(), row.kind() == null ? "" : row.kind().id(),
                        cell(scope), Long.toString(c.fires()), Long.toString(c.right()), Long.toString(c.wrong()),
                        fixed(c.precision()), fixed(w[0]), fixed(w[1]), Long.toString(c.kindScored()),
                        Long.toString(c.kindRight()), Long.toString(c.decided()), Boolean.toString(c.wrongMoreThanRight())));
            }
        }
    }

    private void text(PrintWriter out, RuleStats stats, List<RuleStats.Row> rows, long turns) {
        List<String> scopes = stats.scopes().subList(1, stats.scopes().size());
        out.println(turns + " scored client turns in " + String.join(", ", golds.files) + " (gold column '" + golds.column + "'); "
                + rows.size() + " rules fired" + (minFires > 1 ? " at least " + minFires + " times" : "")
                + "; a rule counts once per turn; '!' marks a rule wrong more often than right");
        List<List<String>> table = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("rule", "dir", "kind", "fires", "right", "wrong", "precision",
                "95% interval", "kind right", "decided"));
        scopes.forEach(s -> head.add(s + " right/fires"));
        table.add(head);
        int flagged = 0;
        for (RuleStats.Row row : rows) {
            RuleStats.Counts c = row.all();
            double[] w = c.wilson();
            flagged += c.wrongMoreThanRight() ? 1 : 0;
            List<String> line = new ArrayList<>(List.of(row.rule(), row.direction().id(),
                    row.kind() == null ? "-" : row.kind().id(), Long.toString(c.fires()), Long.toString(c.right()),
                    Long.toString(c.wrong()), (c.wrongMoreThanRight() ? "! " : "") + fixed(c.precision()),
                    fixed(w[0]) + "-" + fixed(w[1]),
                    c.kindScored() == 0 ? "-" : c.kindRight() + "/" + c.kindScored(), Long.toString(c.decided())));
            for (String s : scopes) {
                RuleStats.Counts sc = row.scopes().get(s);
                line.add(sc == null ? "-" : sc.right() + "/" + sc.fires() + (sc.wrongMoreThanRight() ? " !" : ""));
            }
            table.add(line);
        }
        RulesCommand.printTable(out, table);
        out.println(flagged + " of " + rows.size() + " rules wrong more often than right over all turns");
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
    }
}
