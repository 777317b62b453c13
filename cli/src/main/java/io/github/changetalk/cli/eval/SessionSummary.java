package io.github.changetalk.cli.eval;

import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Direction;
import io.github.changetalk.Evidence;
import io.github.changetalk.HelperScores;
import io.github.changetalk.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Label counts per session and overall, and the change-talk share CT/(CT+ST): change talk of any kind
 * over change plus sustain talk, the session figure MI research relates to outcomes; and, when counselor
 * turns are coded, the helper scores ({@link HelperScores}) per session and overall, with the turns
 * flagged MI-inconsistent and the words that decided them. Sessions are kept in order of first appearance.
 * Not thread-safe: fed by the pipeline's single writer thread.
 */
public final class SessionSummary {
    /**
     * A counselor turn flagged MI-inconsistent: where it is, and per righting-reflex sentence its code, the
     * rule that decided it and the words that rule matched.
     */
    public record Flagged(String session, String where, List<Reason> reasons) {
        public Flagged {
            reasons = List.copyOf(reasons);
        }
    }

    /** One MI-inconsistent sentence of a flagged turn: its code, deciding rule, and the words it matched. */
    public record Reason(String code, String rule, String words) {
    }

    /** Counts for one session (or overall). */
    public static final class Counts {
        final long[] byLabel = new long[Label.values().length];

        public void add(Label label) {
            byLabel[label.ordinal()]++;
        }

        public long count(Label label) {
            return byLabel[label.ordinal()];
        }

        public long changeTalk() {
            long n = 0;
            for (Label l : Label.values()) {
                if (l.direction() == Direction.CHANGE) {
                    n += byLabel[l.ordinal()];
                }
            }
            return n;
        }

        public long sustainTalk() {
            return count(Label.SUSTAIN);
        }

        public long total() {
            long n = 0;
            for (long c : byLabel) {
                n += c;
            }
            return n;
        }

        /** CT/(CT+ST), or NaN when the session has neither. */
        public double share() {
            long ct = changeTalk();
            long st = sustainTalk();
            return ct + st == 0 ? Double.NaN : ct / (double) (ct + st);
        }
    }

    private final Map<String, Counts> sessions = new LinkedHashMap<>();
    private final Counts overall = new Counts();
    private final Map<String, HelperScores.Tally> helper = new LinkedHashMap<>();
    private final HelperScores.Tally helperOverall = new HelperScores.Tally();
    private final List<Flagged> flagged = new ArrayList<>();

    public void add(String session, Label label) {
        sessions.computeIfAbsent(session, k -> new Counts()).add(label);
        overall.add(label);
    }

    /** Adds a coded counselor turn of {@code session}, found at {@code where}. */
    public void addHelper(String session, String where, CounselorCoding coding) {
        sessions.computeIfAbsent(session, k -> new Counts());
        helper.computeIfAbsent(session, k -> new HelperScores.Tally()).add(coding);
        helperOverall.add(coding);
        if (coding.miInconsistent()) {
            flagged.add(new Flagged(session, where, reasons(coding)));
        }
    }

    /** The righting-reflex sentences of a flagged turn, each with the words its deciding rule matched. */
    public static List<Reason> reasons(CounselorCoding coding) {
        List<Reason> out = new ArrayList<>();
        for (CounselorCoding.Sentence s : coding.inconsistentSentences()) {
            String words = s.evidence().stream().filter(e -> e.rule().equals(s.decidedBy())).map(Evidence::text)
                    .findFirst().orElse(s.text());
            out.add(new Reason(s.code().id(), s.decidedBy(), words));
        }
        if (out.isEmpty()) { // flagged with no sentence coded so: name the turn's own rule
            out.add(new Reason(coding.code() == null ? null : coding.code().id(), coding.decidedBy(), null));
        }
        return out;
    }

    /** True when some counselor turn was coded: the helper scores are shown. */
    public boolean helperCoded() {
        return helperOverall.turns() > 0;
    }

    /** A session's helper scores (all counts zero when none of its counselor turns was coded). */
    public HelperScores helper(String session) {
        HelperScores.Tally t = helper.get(session);
        return t == null ? new HelperScores.Tally().scores() : t.scores();
    }

    /** The helper scores of all sessions together (counts summed, ratios from the sums). */
    public HelperScores helperOverall() {
        return helperOverall.scores();
    }

    /** The counselor turns flagged MI-inconsistent, in input order. */
    public List<Flagged> flagged() {
        return List.copyOf(flagged);
    }

    public Map<String, Counts> sessions() {
        return sessions;
    }

    public Counts overall() {
        return overall;
    }
}
