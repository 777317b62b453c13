package io.github.changetalk.internal.helper;

import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Direction;
import io.github.changetalk.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named features of each sentence of a counselor turn that the counselor's evidence weights read
 * ({@link WeightedBehaviour}): every counselor rule that fired on the sentence, not vetoed (by id), and named
 * features of the sentence and its context, never a word. This class is the one place they are made, for
 * both deciding and fitting; a new feature is a line here and a line in docs/rule-language.md.
 *
 * <table>
 *   <caption>Features of a counselor sentence besides the rules that fired</caption>
 *   <tr><td>{@code code=OQ}, {@code code=none}</td><td>the code the rules gave the sentence (after permission)</td></tr>
 *   <tr><td>{@code turn.code=CR}</td><td>the code the rules' roll-up gave the whole turn ({@code --weights none}):
 *       a prior the weights correct rather than rebuild</td></tr>
 *   <tr><td>{@code words=1-2|3-5|6-12|13-25|26+}</td><td>the sentence's words</td></tr>
 *   <tr><td>{@code turn.words=1-2|3-5|6-12|13-25|26+}, {@code turn.sentences=1|2|3+}</td><td>the turn's length</td></tr>
 *   <tr><td>{@code asks}</td><td>the sentence ends with a question mark</td></tr>
 *   <tr><td>{@code turn.asks}</td><td>the turn's last sentence ends with a question mark</td></tr>
 *   <tr><td>{@code cut-off}</td><td>the sentence breaks off (ends with a dash or an ellipsis, as transcripts
 *       mark an interrupted utterance)</td></tr>
 *   <tr><td>{@code position=only|first|middle|last}</td><td>where the sentence is in the turn</td></tr>
 *   <tr><td>{@code function=F}</td><td>what a question sentence asks the client to do (ruler, evoking...)</td></tr>
 *   <tr><td>{@code permission=P}</td><td>the turn's permission, when there is some</td></tr>
 *   <tr><td>{@code previous=change|sustain|neutral}</td><td>the direction changetalk's client rules gave the
 *       client's turn before, when known</td></tr>
 *   <tr><td>{@code overlap=none|some|half}</td><td>the share of the sentence's content words the client said in
 *       the turn before ({@link WordOverlap}: under 0.2, under 0.5, more), when that turn is known: reflections
 *       take up the client's words, information and advice bring the counselor's own</td></tr>
 * </table>
 * Stateless.
 */
public final class CounselorFeatures {
    private CounselorFeatures() {
    }

    /**
     * The client's turn before a counselor turn, as the weights read it: the direction changetalk's rules gave
     * it and its text (used only to measure word overlap, never as features).
     */
    public record ClientBefore(Direction direction, String text) {
    }

    /**
     * Each sentence's features, in order.
     *
     * @param coding the turn as the rules coded it
     * @param before the client's turn before, or null when unknown or none
     */
    public static List<Set<String>> of(CounselorCoding coding, ClientBefore before) {
        List<CounselorCoding.Sentence> sentences = coding.sentences();
        int n = sentences.size();
        int turnWords = 0;
        for (CounselorCoding.Sentence s : sentences) {
            turnWords += words(s.text());
        }
        Set<String> turnWide = turnFeatures(coding, turnWords);
        List<Set<String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CounselorCoding.Sentence s = sentences.get(i);
            Set<String> f = new TreeSet<>();
            for (Evidence e : s.evidence()) {
                f.add(e.rule());
            }
            f.add("code=" + (s.code() == null ? "none" : s.code().id()));
            f.addAll(turnWide);
            f.add("words=" + bucket(words(s.text())));
            f.add("turn.words=" + bucket(turnWords));
            f.add("turn.sentences=" + (n == 1 ? "1" : n == 2 ? "2" : "3+"));
            if (asks(s.text())) {
                f.add("asks");
            }
            if (asks(sentences.get(n - 1).text())) {
                f.add("turn.asks");
            }
            if (cutOff(s.text())) {
                f.add("cut-off");
            }
            f.add("position=" + (n == 1 ? "only" : i == 0 ? "first" : i == n - 1 ? "last" : "middle"));
            if (s.function() != null) {
                f.add("function=" + s.function().id());
            }
            if (coding.permission() != null && coding.permission() != CounselorCoding.Permission.NONE) {
                f.add("permission=" + coding.permission().id());
            }
            if (before != null) {
                if (before.direction() != null) {
                    f.add("previous=" + before.direction().id());
                }
                double overlap = WordOverlap.share(s.text(), before.text());
                f.add("overlap=" + (overlap < 0.2 ? "none" : overlap < 0.5 ? "some" : "half"));
            }
            out.add(f);
        }
        return out;
    }

    /**
     * What the rules found of the whole turn, the same on each of its sentences: its code and group, the groups
     * its sentences are coded in with their share of the turn's words, and the code of its last sentence that is
     * not a backchannel.
     */
    private static Set<String> turnFeatures(CounselorCoding coding, int turnWords) {
        Set<String> f = new TreeSet<>();
        if (coding.code() != null) {
            f.add("turn.code=" + coding.code().id());
            f.add("turn.group=" + coding.behaviour().id());
        }
        java.util.Map<io.github.changetalk.Behaviour, Integer> words = new java.util.EnumMap<>(io.github.changetalk.Behaviour.class);
        io.github.changetalk.MiscCode last = null;
        for (CounselorCoding.Sentence s : coding.sentences()) {
            if (s.code() != null) {
                words.merge(s.code().behaviour(), words(s.text()), Integer::sum);
                if (s.code() != io.github.changetalk.MiscCode.FA) {
                    last = s.code();
                }
            }
        }
        words.forEach((b, w) -> {
            double share = turnWords == 0 ? 0 : w / (double) turnWords;
            f.add("turn.share." + b.id() + "=" + (share < 1.0 / 3 ? "low" : share < 2.0 / 3 ? "mid" : "high"));
        });
        if (last != null) {
            f.add("turn.last=" + last.id());
        }
        return f;
    }

    /** The words of a text: whitespace-separated pieces holding a letter or digit. */
    public static int words(String text) {
        int n = 0;
        for (String w : text.strip().split("\\s+")) {
            if (w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                n++;
            }
        }
        return n;
    }

    private static String bucket(int words) {
        return words <= 2 ? "1-2" : words <= 5 ? "3-5" : words <= 12 ? "6-12" : words <= 25 ? "13-25" : "26+";
    }

    private static boolean cutOff(String text) {
        String t = text.strip();
        return t.endsWith("-") || t.endsWith("\u2014") || t.endsWith("\u2013") || t.endsWith("...") || t.endsWith("\u2026");
    }

    private static boolean asks(String text) {
        String t = text.strip();
        while (!t.isEmpty() && "\"')]}".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        return t.endsWith("?");
    }
}
