package io.github.changetalk.cli.eval;

import io.github.changetalk.Direction;
import io.github.changetalk.Label;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Label counts per session and overall, and the change-talk share CT/(CT+ST): change talk of any kind
 * over change plus sustain talk, the session figure MI research relates to outcomes. Sessions are
 * kept in order of first appearance.
 */
public final class SessionSummary {
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

    public void add(String session, Label label) {
        sessions.computeIfAbsent(session, k -> new Counts()).add(label);
        overall.add(label);
    }

    public Map<String, Counts> sessions() {
        return sessions;
    }

    public Counts overall() {
        return overall;
    }
}
