package io.github.changetalk.cli.report;

import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import io.github.changetalk.Speaker;
import io.github.changetalk.cli.eval.SessionSummary;
import java.util.List;

/**
 * What a session report shows, and nothing else: the session's turns in input order, each client turn's
 * sentences with their labels and the rules and words behind them, and the helper-side coding when
 * there is one. The report is rendered from this record alone, so a test can hand-build one (helper
 * codes included) and the CLI fills it from the classifier's results ({@link SessionViews}).
 *
 * <p>{@code name} is what the page calls the session; {@code source} the file it came from (null when
 * redacted); {@code target} the target behaviour (null when none was set); {@code helperScores} the
 * session's MITI summary scores, null until the helper turns are coded; {@code emptyLines} the input
 * lines of the session that held no text (listed, not shown as turns).
 */
public record SessionView(String name, String source, String target, List<Turn> turns, HelperScores helperScores,
                          List<Long> emptyLines) {
    public SessionView {
        turns = List.copyOf(turns);
        emptyLines = List.copyOf(emptyLines);
    }

    /**
     * One turn (one input record). {@code number} counts the session's turns from 1; {@code line} is
     * where the record starts in its file. {@code speaker} is null for a record that could not be read
     * ({@code error} says why). {@code label} is the turn's label (client turns only), {@code sentences}
     * hold its sentences with offsets into {@code text}. {@code helper} is the counselor turn's coding,
     * null when not coded; {@code notices} say what the classifier could not do fully ("code: detail").
     */
    public record Turn(int number, long line, Speaker speaker, String text, Label label,
                       List<Sentence> sentences, HelperCode helper, List<String> notices, String error) {
        public Turn {
            sentences = List.copyOf(sentences);
            notices = List.copyOf(notices);
        }

        public boolean isClient() {
            return speaker == Speaker.CLIENT && error == null;
        }

        public boolean isCounselor() {
            return speaker == Speaker.COUNSELOR && error == null;
        }

        /** Sentences of this turn in the given direction. */
        public long count(Direction direction) {
            return sentences.stream().filter(s -> s.direction() == direction).count();
        }
    }

    /**
     * One client sentence: characters {@code begin} to {@code end} of its turn's text, its label,
     * direction and kind (sustain talk keeps its kind; neutral has none), the deciding rule (null when
     * none fired) and every rule that fired or was vetoed.
     */
    public record Sentence(int begin, int end, Label label, Direction direction, Kind kind, String decidedBy,
                           List<Rule> rules) {
        public Sentence {
            rules = List.copyOf(rules);
        }
    }

    /**
     * A rule that fired on a sentence ({@code vetoed} false) or was vetoed by one of its {@code unless}
     * patterns; {@code words} are the words matched (null when redacted), {@code description} what the
     * rule means (null when unknown or redacted).
     */
    public record Rule(String id, String description, String words, boolean deciding, boolean vetoed) {
    }

    /**
     * The helper-side (MISC) coding of a counselor turn: {@code behaviour} question, reflection, input or
     * other; {@code code} a MISC code (OQ, CQ, SR, CR, AF, EC, SU, GI, ADP, ADW, RCP, RCW, CO, DI, WA, FA,
     * FI, ST); whether it is MI-inconsistent; and the evidence for it (rules and words, as text).
     */
    public record HelperCode(String behaviour, String code, boolean miInconsistent, List<String> evidence) {
        public HelperCode {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * The session's helper summary scores; any may be null when not computed. Shares are 0..1;
     * {@code reflectionToQuestion} is reflections per question.
     */
    public record HelperScores(Double reflectionToQuestion, Double complexReflectionShare, Double openQuestionShare,
                               Integer miInconsistent, Double miConsistentShare, Double miAdherence) {
    }

    /** Label counts over the client turns (one label per turn, as {@code changetalk --summary} counts). */
    public SessionSummary.Counts counts() {
        SessionSummary.Counts c = new SessionSummary.Counts();
        for (Turn t : turns) {
            if (t.isClient() && t.label() != null) {
                c.add(t.label());
            }
        }
        return c;
    }

    /** True when at least one counselor turn carries a helper code. */
    public boolean helperCoded() {
        return turns.stream().anyMatch(t -> t.helper() != null);
    }

    public long clientTurns() {
        return turns.stream().filter(Turn::isClient).count();
    }

    public long counselorTurns() {
        return turns.stream().filter(Turn::isCounselor).count();
    }
}
