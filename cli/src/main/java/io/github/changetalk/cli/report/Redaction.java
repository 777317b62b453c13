package io.github.changetalk.cli.report;

import io.github.changetalk.Direction;
import io.github.changetalk.cli.report.SessionView.HelperCode;
import io.github.changetalk.cli.report.SessionView.Rule;
import io.github.changetalk.cli.report.SessionView.Sentence;
import io.github.changetalk.cli.report.SessionView.Turn;
import java.util.ArrayList;
import java.util.List;

/**
 * A session with every word of its transcript replaced by labels, for sharing outside the clinic:
 * each client sentence becomes its label in brackets, each counselor turn its helper code's name (or
 * "counselor turn"), the words rules matched and helper evidence are dropped, and so are rule
 * descriptions (so that the page's vocabulary is the report's own), error messages (which can quote
 * input), notice details, the session's name (it becomes "Session N") and its file name. Rule ids,
 * labels, counts and the target behaviour are kept. The result depends on the labels alone, never on
 * the text: a test checks that two transcripts with the same labels redact to the same page.
 */
public final class Redaction {
    private Redaction() {
    }

    /** {@code ordinal} (from 1) names the redacted session. */
    public static SessionView redact(SessionView s, int ordinal) {
        List<Turn> turns = new ArrayList<>();
        for (Turn t : s.turns()) {
            turns.add(redact(t));
        }
        return new SessionView("Session " + ordinal, null, s.target(), turns, s.helperScores(), s.emptyLines());
    }

    private static Turn redact(Turn t) {
        if (t.error() != null) {
            return new Turn(t.number(), t.line(), t.speaker(), null, null, List.of(), null, List.of(), "record could not be read");
        }
        List<String> notices = t.notices().stream().map(n -> n.contains(":") ? n.substring(0, n.indexOf(':')) : n).toList();
        if (!t.isClient()) {
            HelperCode h = t.helper() == null ? null
                    : new HelperCode(t.helper().behaviour(), t.helper().code(), t.helper().miInconsistent(), List.of());
            String text = "[" + (h == null || h.code() == null ? "counselor turn" : Vocabulary.helperName(h.code())) + "]";
            return new Turn(t.number(), t.line(), t.speaker(), text, null, List.of(), h, notices, null);
        }
        StringBuilder text = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        for (Sentence s : t.sentences()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            String placeholder = "[" + (s.direction() == Direction.NEUTRAL ? "neutral"
                    : Vocabulary.name(s.kind()) + " " + Vocabulary.name(s.direction())) + "]";
            int begin = text.length();
            text.append(placeholder);
            List<Rule> rules = s.rules().stream().map(r -> new Rule(r.id(), null, null, r.deciding(), r.vetoed())).toList();
            sentences.add(new Sentence(begin, text.length(), s.label(), s.direction(), s.kind(), s.decidedBy(), rules));
        }
        if (sentences.isEmpty()) {
            text.append("[no sentence]");
        }
        return new Turn(t.number(), t.line(), t.speaker(), text.toString(), t.label(), sentences, null, notices, null);
    }
}
