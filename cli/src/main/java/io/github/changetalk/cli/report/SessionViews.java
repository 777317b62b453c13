package io.github.changetalk.cli.report;

import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Evidence;
import io.github.changetalk.HelperScores;
import io.github.changetalk.Notice;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.Speaker;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.Veto;
import io.github.changetalk.cli.io.InputRecord;
import io.github.changetalk.cli.run.Processed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers classified records into {@link SessionView}s: records are grouped by session (the session
 * column, else the file, as the classifier's context is) in order of first appearance, and keep their
 * input order within it. Every record becomes a turn, except records with no text, which the session
 * lists by line. Not thread-safe: fed by the pipeline's single writer thread.
 */
public final class SessionViews {
    private final Map<String, String> ruleDescriptions;
    private final String defaultTarget;
    private final Map<String, Acc> sessions = new LinkedHashMap<>();
    private final Map<String, String> lastKeyOfSource = new HashMap<>();

    private static final class Acc {
        final String source;
        final String session;
        String target;
        final List<SessionView.Turn> turns = new ArrayList<>();
        final List<Long> empty = new ArrayList<>();
        final HelperScores.Tally helper = new HelperScores.Tally();

        Acc(String source, String session) {
            this.source = source;
            this.session = session;
        }
    }

    /** {@code ruleDescriptions} maps rule ids to what they mean; {@code defaultTarget} is --target (may be null). */
    public SessionViews(Map<String, String> ruleDescriptions, String defaultTarget) {
        this.ruleDescriptions = Map.copyOf(ruleDescriptions);
        this.defaultTarget = defaultTarget;
    }

    public void add(Processed p) {
        InputRecord in = p.input();
        // A record that could not be read has no session of its own: it stays beside the record before it.
        String key = in.session() == null && lastKeyOfSource.containsKey(in.source())
                ? lastKeyOfSource.get(in.source()) : in.source() + '\u0000' + in.session();
        lastKeyOfSource.put(in.source(), key);
        Acc acc = sessions.computeIfAbsent(key, k -> new Acc(in.source(), in.session()));
        if (acc.target == null && in.target() != null) {
            acc.target = in.target();
        }
        if (!p.isError() && (in.text() == null || in.text().isBlank())) {
            acc.empty.add(in.line());
            return;
        }
        int number = acc.turns.size() + 1;
        if (p.isError()) {
            acc.turns.add(new SessionView.Turn(number, in.line(), in.speaker(), in.text(), null, List.of(), null, List.of(), p.error()));
        } else if (in.speaker() == Speaker.COUNSELOR || p.result() == null || !p.result().labelled()) {
            // A counselor turn carries its helper coding when counselor packs are loaded (else it stays uncoded);
            // the session's helper scores are counted from the same codings.
            CounselorCoding coding = p.result() == null ? null : p.result().coding();
            acc.helper.add(coding);
            acc.turns.add(new SessionView.Turn(number, in.line(), in.speaker(), in.text(), null, List.of(),
                    coding == null ? null : helperCode(coding), List.of(), null));
        } else {
            UtteranceResult r = p.result();
            List<SessionView.Sentence> sentences = new ArrayList<>();
            for (SentenceResult s : r.sentences()) {
                sentences.add(sentence(s));
            }
            List<String> notices = new ArrayList<>();
            for (Notice n : r.notices()) {
                notices.add(n.code() + (n.detail() == null || n.detail().isBlank() ? "" : ": " + n.detail()));
            }
            acc.turns.add(new SessionView.Turn(number, in.line(), Speaker.CLIENT, in.text(), r.label(), sentences, null, notices, null));
        }
    }

    private SessionView.Sentence sentence(SentenceResult s) {
        List<SessionView.Rule> rules = new ArrayList<>();
        boolean decided = false;
        for (Evidence e : s.evidence()) {
            boolean deciding = !decided && e.rule().equals(s.decidedBy());
            decided |= deciding;
            rules.add(new SessionView.Rule(e.rule(), ruleDescriptions.get(e.rule()), e.text(), deciding, false));
        }
        for (Veto v : s.vetoed()) {
            rules.add(new SessionView.Rule(v.rule(), ruleDescriptions.get(v.rule()), v.text(), false, true));
        }
        // The deciding rule first: it is the one a reader asks about.
        rules.sort((a, b) -> Boolean.compare(b.deciding(), a.deciding()));
        return new SessionView.Sentence(s.begin(), s.end(), s.label(), s.direction(), s.kind(), s.decidedBy(), rules);
    }

    /**
     * A counselor turn's coding as the report shows it: behaviour, code, the flag, and per coded sentence
     * its code, the rule that decided it and that rule's words ("DI by DIRECT_HAVE_TO: “you have to”").
     */
    static SessionView.HelperCode helperCode(CounselorCoding c) {
        List<String> evidence = new ArrayList<>();
        for (CounselorCoding.Sentence s : c.sentences()) {
            if (s.code() == null || s.decidedBy() == null) {
                continue;
            }
            String words = s.evidence().stream().filter(e -> e.rule().equals(s.decidedBy())).map(Evidence::text)
                    .findFirst().orElse(null);
            evidence.add(s.code().id() + " by " + s.decidedBy() + (words == null ? "" : ": \u201c" + words + "\u201d"));
        }
        return new SessionView.HelperCode(c.behaviour() == null ? null : c.behaviour().id(),
                c.code() == null ? null : c.code().id(), c.miInconsistent(), evidence);
    }

    /** A session's helper scores for the report; null when none of its counselor turns was coded. */
    static SessionView.HelperScores helperScores(HelperScores h) {
        if (h.turns() == 0) {
            return null;
        }
        return new SessionView.HelperScores(orNull(h.reflectionToQuestion()), orNull(h.complexReflectionShare()),
                orNull(h.openQuestionShare()), Math.toIntExact(h.miInconsistent()), orNull(h.miConsistentShare()),
                orNull(h.miAdherence()));
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** The sessions gathered so far, in order of first appearance. */
    public List<SessionView> build() {
        List<SessionView> out = new ArrayList<>();
        for (Acc a : sessions.values()) {
            out.add(new SessionView(name(a), a.source, a.target != null ? a.target : defaultTarget, a.turns,
                    helperScores(a.helper.scores()), a.empty));
        }
        return out;
    }

    /** The session column's value, else the file's name without its extension ("standard input" for -). */
    private static String name(Acc a) {
        if (a.session != null && !a.session.equals(a.source)) {
            return a.session;
        }
        if (a.source == null || a.source.equals("-")) {
            return "standard input";
        }
        Path file = Path.of(a.source).getFileName();
        String base = file == null ? a.source : file.toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
