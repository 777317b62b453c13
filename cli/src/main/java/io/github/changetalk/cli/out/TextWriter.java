package io.github.changetalk.cli.out;

import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Direction;
import io.github.changetalk.Evidence;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import io.github.changetalk.Notice;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.Speaker;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.Veto;
import io.github.changetalk.cli.eval.SessionSummary;
import io.github.changetalk.cli.run.Processed;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/**
 * For people: one line per record, the label in a fixed-width column then the text; sustain talk shows
 * its kind ({@code sustain (ability)}); counselor turns are shown dimmed with their MISC code (the righting reflex
 * marked {@code (MI-inconsistent)}) when the counselor packs coded them. A client turn
 * holding both change and sustain talk gets an {@code ambivalent} line under it. With a
 * {@code width} (the terminal's), a long turn wraps there with a hanging indent under its text. After
 * each session (when the next record is of another session, and at the end) one footer line gives its
 * client turns' counts and change-talk share. Colours (change talk green, sustain talk red) only when
 * asked for. Control characters are shown as U+FFFD so input cannot drive the terminal.
 * {@code explain} adds, under each client turn, one line per sentence with the rules that fired and
 * were vetoed.
 */
public final class TextWriter implements RecordWriter {
    /** The label column: as wide as the widest label shown, {@code sustain (taking-steps)}. */
    private static final int WIDTH = "sustain (taking-steps)".length();
    /** The text of a wrapped turn is not squeezed narrower than this, however narrow the terminal. */
    private static final int MIN_TEXT_WIDTH = 20;
    private static final String RESET = "\u001b[0m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String DIM = "\u001b[2m";
    private static final String BOLD_RED = "\u001b[1;31m";

    private final PrintWriter out;
    private final boolean color;
    private final boolean explain;
    private final int width;
    private String session;
    private SessionSummary.Counts counts;

    /** {@code width}: the columns to wrap turns at, or 0 not to wrap (output that is not a terminal). */
    public TextWriter(PrintWriter out, boolean color, boolean explain, int width) {
        this.out = out;
        this.color = color;
        this.explain = explain;
        this.width = width;
    }

    @Override
    public void write(Processed p) {
        StringBuilder b = new StringBuilder();
        if (p.input().session() != null && !p.input().session().equals(session)) {
            footer(b);
            session = p.input().session();
            counts = new SessionSummary.Counts();
        }
        if (p.isError()) {
            b.append(paint(BOLD_RED, pad("error"))).append(' ').append(p.input().where()).append(": ").append(safe(p.error()));
        } else if (p.input().speaker() == Speaker.COUNSELOR || p.result() == null) {
            Object tag = p.input().fields().get("speaker");
            String who = tag == null ? "counselor" : Fields.value(tag).asText();
            CounselorCoding coding = p.result() == null ? null : p.result().coding();
            b.append(codeColumn(coding)).append(' ').append(paint(DIM, wrap(safe(who + ": " + p.input().text()))));
            if (coding != null && explain) {
                for (CounselorCoding.Sentence s : coding.sentences()) {
                    b.append('\n').append(pad("")).append("   ").append(paint(DIM, counselorSentence(s)));
                    if (coding.weighing() != null) {
                        b.append('\n').append(pad("")).append("     ")
                                .append(paint(DIM, sentenceWeighing(coding.weighing(), coding.weighing().sentences().get(s.index()))));
                    }
                }
                if (coding.weighing() != null) {
                    b.append('\n').append(pad("")).append("   ").append(behaviourWeighing(coding.weighing()));
                }
            }
        } else {
            UtteranceResult r = p.result();
            counts.add(r.label());
            b.append(paint(colorOf(r.direction()), pad(shown(r.label(), r.kind())))).append(' ').append(wrap(safe(p.input().text())));
            String ambivalent = ambivalence(r);
            if (ambivalent != null) {
                b.append('\n').append(pad("")).append("   ").append(paint(DIM, ambivalent));
            }
            for (Notice n : r.notices()) {
                b.append('\n').append(pad("")).append("   ").append(paint(DIM, "note: " + n.code() + " (" + safe(n.detail()) + ")"));
            }
            if (explain) {
                for (SentenceResult s : r.sentences()) {
                    b.append('\n').append(pad("")).append("   ").append(sentence(s));
                }
                if (r.weighing() != null) {
                    b.append('\n').append(pad("")).append("   ").append(weighing(r.weighing()));
                }
            }
        }
        out.print(b.append('\n'));
    }

    @Override
    public void finish() {
        StringBuilder b = new StringBuilder();
        footer(b);
        out.print(b);
    }

    /** The footer of the session just ended, if it had client turns, onto {@code b}. */
    private void footer(StringBuilder b) {
        if (session == null || counts.total() == 0) {
            return;
        }
        long turns = counts.total();
        String share = Double.isNaN(counts.share()) ? "no change or sustain talk"
                : String.format(java.util.Locale.ROOT, "change-talk share %.0f%%", 100 * counts.share());
        b.append(paint(DIM, "-- " + (session.equals("-") ? "standard input" : safe(session)) + ": " + turns + (turns == 1 ? " client turn: " : " client turns: ")
                + counts.changeTalk() + " change talk, " + counts.sustainTalk() + " sustain talk, "
                + counts.count(Label.NEUTRAL) + " neutral; " + share)).append('\n');
    }

    /** A label as shown: sustain talk with its kind, {@code sustain (ability)}. */
    static String shown(Label label, Kind kind) {
        return label == Label.SUSTAIN && kind != null ? "sustain (" + kind.id() + ")" : label.id();
    }

    /** {@code ambivalent: ...} when a turn holds both change and sustain talk, naming each in order; else null. */
    static String ambivalence(UtteranceResult r) {
        boolean change = false;
        boolean sustain = false;
        java.util.List<String> said = new java.util.ArrayList<>();
        for (SentenceResult s : r.sentences()) {
            change |= s.direction() == Direction.CHANGE;
            sustain |= s.direction() == Direction.SUSTAIN;
            if (s.direction() == Direction.CHANGE || s.direction() == Direction.SUSTAIN) {
                said.add(s.direction() == Direction.CHANGE ? s.label().id() : shown(s.label(), s.kind()));
            }
        }
        return change && sustain ? "ambivalent: " + String.join(", then ", said) : null;
    }

    /** The text wrapped at {@link #width}, later lines indented under its start; as it is without a width. */
    private String wrap(String text) {
        int room = width - WIDTH - 1;
        if (width <= 0 || text.length() <= room) {
            return text;
        }
        room = Math.max(MIN_TEXT_WIDTH, room);
        String indent = "\n" + " ".repeat(WIDTH + 1);
        StringBuilder b = new StringBuilder();
        int line = 0;
        boolean first = true;
        for (String word : text.split(" ", -1)) {
            if (first) {
                first = false;
            } else if (line + 1 + word.length() > room) {
                b.append(indent);
                line = 0;
            } else {
                b.append(' ');
                line++;
            }
            b.append(word);
            line += word.length();
        }
        return b.toString();
    }

    /**
     * The label column of a counselor turn: its MISC code, the righting reflex marked so a supervisor's eye
     * finds it ({@code DI (MI-inconsistent)}, in bold red with colours); blank when the turn was not coded.
     */
    private String codeColumn(CounselorCoding coding) {
        if (coding == null || coding.code() == null) {
            return pad("");
        }
        return coding.miInconsistent() ? paint(BOLD_RED, pad(coding.code().id() + " (MI-inconsistent)"))
                : paint(DIM, pad(coding.code().id()));
    }

    /** A counselor sentence explained: its code, the rule that decided it and every rule that fired, with words. */
    private static String counselorSentence(CounselorCoding.Sentence s) {
        StringBuilder b = new StringBuilder().append('"').append(safe(s.text())).append("\" -> ");
        if (s.code() == null) {
            return b.append("not coded (no rule fired)").toString();
        }
        b.append(s.code().id()).append(" by ").append(s.decidedBy()).append("; fired: ").append(s.evidence().stream()
                .map(e -> e.rule() + " '" + safe(e.text()) + "'").distinct().collect(Collectors.joining(", ")));
        return b.toString();
    }

    private String sentence(SentenceResult s) {
        StringBuilder b = new StringBuilder();
        b.append('"').append(safe(s.text())).append("\" -> ").append(paint(colorOf(s.direction()), s.label().id()));
        if (s.evidence().isEmpty()) {
            b.append(" (no rule fired)");
        } else {
            b.append(" by ").append(s.decidedBy()).append("; fired: ").append(s.evidence().stream()
                    .map(Evidence::rule).distinct().map(id -> id + " '" + safe(words(s, id)) + "'")
                    .collect(Collectors.joining(", ")));
        }
        if (!s.vetoed().isEmpty()) {
            b.append("; vetoed: ").append(s.vetoed().stream()
                    .map((Veto v) -> v.rule() + " by " + v.by() + " '" + safe(v.text()) + "'")
                    .collect(Collectors.joining(", ")));
        }
        for (Notice n : s.notices()) {
            b.append("; note: ").append(n.code());
        }
        return b.toString();
    }

    /** The weights' decision: each direction's score, then each feature with its weight toward the decided one. */
    private static String weighing(io.github.changetalk.Weighing w) {
        StringBuilder b = new StringBuilder("weights ").append(safe(w.weights())).append(": ");
        b.append(java.util.Arrays.stream(Direction.values()).map(d -> d.id() + " " + Fields.weight(w.scores().get(d)))
                .collect(Collectors.joining(", ")));
        b.append("; toward ").append(w.direction().id()).append(": bias ").append(Fields.weight(w.bias()));
        for (io.github.changetalk.Weighing.FeatureWeight f : w.features()) {
            b.append(", ").append(f.feature()).append(' ').append(Fields.weight(f.weight()));
        }
        return b.toString();
    }

    /** The counselor weights' decision of a turn: each group's score (words x log-probability, summed). */
    private static String behaviourWeighing(CounselorCoding.BehaviourWeighing w) {
        return "weights " + safe(w.weights()) + ": " + java.util.Arrays.stream(io.github.changetalk.Behaviour.values())
                .map(g -> g.id() + " " + Fields.weight(w.scores().get(g))).collect(Collectors.joining(", "))
                + " (words x log-probability over the sentences); " + w.behaviour().id() + " wins";
    }

    /** One sentence's part: its words, its probability of the group decided, each feature with its weight toward it. */
    private static String sentenceWeighing(CounselorCoding.BehaviourWeighing w, CounselorCoding.SentenceWeighing s) {
        StringBuilder b = new StringBuilder("weights: ").append(s.words()).append(s.words() == 1 ? " word, p(" : " words, p(")
                .append(w.behaviour().id()).append(") ").append(Fields.weight(s.probabilities().get(w.behaviour())))
                .append("; toward ").append(w.behaviour().id()).append(": bias ").append(Fields.weight(s.bias()));
        for (io.github.changetalk.Weighing.FeatureWeight f : s.features()) {
            b.append(", ").append(f.feature()).append(' ').append(Fields.weight(f.weight()));
        }
        return b.toString();
    }

    private static String words(SentenceResult s, String rule) {
        return s.evidence().stream().filter(e -> e.rule().equals(rule)).map(Evidence::text).findFirst().orElse("");
    }

    private static String colorOf(Direction d) {
        return d == Direction.CHANGE ? GREEN : d == Direction.SUSTAIN ? RED : "";
    }

    private String paint(String code, String s) {
        return color && !code.isEmpty() ? code + s + RESET : s;
    }

    private static String pad(String s) {
        return s.length() >= WIDTH ? s : s + " ".repeat(WIDTH - s.length());
    }

    /** Control characters (other than tab) become U+FFFD: an input line must not move the cursor or recolour the terminal. */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0);
            if (control && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(control ? '\uFFFD' : c);
            }
        }
        return b == null ? s : b.toString();
    }
}
