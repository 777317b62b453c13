package io.github.changetalk.cli.eval;

import io.github.changetalk.Direction;
import io.github.changetalk.Evidence;
import io.github.changetalk.Kind;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.UtteranceResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-rule evidence on coded data (SpamAssassin's per-rule report): for each rule, in each scope (all
 * turns, each gold file, each fold), how many scored client turns it fired on, how often its direction was
 * the gold direction, and (where the gold has a kind and the direction was right) how often its kind was.
 * A rule counts once per turn when it fired, not vetoed, in any sentence; it "decided" the turn when it is
 * the rule of the sentence that gave the turn its label. A rule read through the counselor turn's echo
 * (a short answer taking the counselor's talk) is counted apart, as {@code RULE (echo)}. A neutral rule is
 * right when the gold is neutral. Not thread-safe: fed in order by one thread.
 */
public final class RuleStats {
    /** The scope of every turn. */
    public static final String ALL = "all";

    /** The counts of one rule in one scope. */
    public static final class Counts {
        long fires;
        long right;
        long decided;
        long kindScored;
        long kindRight;

        public long fires() {
            return fires;
        }

        public long right() {
            return right;
        }

        public long wrong() {
            return fires - right;
        }

        public long decided() {
            return decided;
        }

        public long kindScored() {
            return kindScored;
        }

        public long kindRight() {
            return kindRight;
        }

        public double precision() {
            return fires == 0 ? Double.NaN : right / (double) fires;
        }

        /** Wrong more often than right: the rule does not hold on this data. */
        public boolean wrongMoreThanRight() {
            return wrong() > right;
        }

        /** The 95% Wilson score interval of the precision: at these counts a single figure misleads. */
        public double[] wilson() {
            if (fires == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double z = 1.959964;
            double n = fires;
            double p = right / n;
            double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
            double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
            return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
        }
    }

    /** One rule: its id (with " (echo)" when read through the counselor turn), direction, kind, counts per scope. */
    public record Row(String rule, Direction direction, Kind kind, Map<String, Counts> scopes) {
        public Counts all() {
            return scopes.get(ALL);
        }
    }

    private final Map<String, Row> rows = new TreeMap<>();
    private final List<String> scopes = new ArrayList<>(List.of(ALL));

    /**
     * Adds one scored client turn.
     *
     * @param result    the turn's result
     * @param goldDirection the gold direction (change, sustain or neutral)
     * @param goldKind  the gold kind, or null when the gold has none for this turn
     * @param scopes    the scopes besides {@link #ALL} the turn belongs to (e.g. {@code file:x.csv}, {@code fold:0})
     */
    public void add(UtteranceResult result, String goldDirection, Kind goldKind, List<String> scopes) {
        Map<String, Evidence> fired = new LinkedHashMap<>();
        List<String> decidedBy = new ArrayList<>();
        for (SentenceResult s : result.sentences()) {
            for (Evidence e : s.evidence()) {
                fired.putIfAbsent(name(e), e);
            }
            if (s.decidedBy() != null) {
                decidedBy.add(s.decidedBy());
            }
        }
        for (String scope : scopes) {
            if (!this.scopes.contains(scope)) {
                this.scopes.add(scope);
            }
        }
        for (Map.Entry<String, Evidence> f : fired.entrySet()) {
            Evidence e = f.getValue();
            Row row = rows.computeIfAbsent(f.getKey(), k -> new Row(k, e.direction(), e.kind(), new LinkedHashMap<>()));
            boolean right = e.direction().id().equals(goldDirection);
            boolean decided = !isEcho(e) && decidedBy.contains(e.rule());
            List<String> in = new ArrayList<>(scopes.size() + 1);
            in.add(ALL);
            in.addAll(scopes);
            for (String scope : in) {
                Counts c = row.scopes().computeIfAbsent(scope, k -> new Counts());
                c.fires++;
                c.right += right ? 1 : 0;
                c.decided += decided ? 1 : 0;
                if (right && goldKind != null && e.kind() != null && e.direction() != Direction.NEUTRAL) {
                    c.kindScored++;
                    c.kindRight += goldKind == e.kind() ? 1 : 0;
                }
            }
        }
    }

    private static boolean isEcho(Evidence e) {
        return "echo".equals(e.pattern());
    }

    private static String name(Evidence e) {
        return isEcho(e) ? e.rule() + " (echo)" : e.rule();
    }

    /** The scopes seen, {@link #ALL} first, then in the order first met. */
    public List<String> scopes() {
        return List.copyOf(scopes);
    }

    /** How the rows can be sorted. */
    public enum Sort {
        /** most fires first */
        FIRES,
        /** lowest precision first (the rules that do not hold) */
        PRECISION,
        /** most wrong fires first */
        WRONG,
        /** by rule id */
        RULE
    }

    /** The rows, sorted (ties by rule id). */
    public List<Row> rows(Sort sort) {
        Comparator<Row> byId = Comparator.comparing(Row::rule);
        Comparator<Row> order = switch (sort) {
            case FIRES -> Comparator.comparingLong((Row r) -> -r.all().fires()).thenComparing(byId);
            case PRECISION -> Comparator.comparingDouble((Row r) -> r.all().precision())
                    .thenComparingLong(r -> -r.all().fires()).thenComparing(byId);
            case WRONG -> Comparator.comparingLong((Row r) -> -r.all().wrong())
                    .thenComparingLong(r -> -r.all().fires()).thenComparing(byId);
            case RULE -> byId;
        };
        List<Row> out = new ArrayList<>(rows.values());
        out.sort(order);
        return out;
    }
}
