package io.github.changetalk.internal.engine;

import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Direction;
import io.github.changetalk.Evidence;
import io.github.changetalk.Label;
import io.github.changetalk.SentenceResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The named features of a client utterance that the evidence weights read: every rule that fired, not
 * vetoed, in some sentence (by id), and named context features. This class is the one place they are
 * made; a new context feature is a line here and a line in docs/rule-language.md.
 *
 * <table>
 *   <caption>Context features</caption>
 *   <tr><td>{@code prior=change|sustain|neutral}</td><td>the direction the rules' bands and overrides give
 *       (the result with {@code --weights none}): kept as a prior, so that the weights correct it rather than
 *       rebuild it from sparse rule indicators</td></tr>
 *   <tr><td>{@code after.none}, {@code after.question}</td><td>no counselor turn just before; it is a question</td></tr>
 *   <tr><td>{@code after.reflected=change|sustain}</td><td>the counselor turn just before, read in the client's
 *       voice by the same rules, is change or sustain talk (worked out for answers of at most
 *       {@value #SHORT} words, the confirmations and short answers whose meaning that turn gives)</td></tr>
 *   <tr><td>{@code after.behaviour=question|reflection|input|other}, {@code after.function=F},
 *       {@code after.asks=KIND}, {@code after.dimension=D}</td><td>the counselor turn's coding (when counselor packs
 *       are loaded): its behaviour group, and of the act the client answers its function (evoking change,
 *       ruler...), the kind of talk it asks for and a ruler's dimension</td></tr>
 *   <tr><td>{@code answer.yes+after.behaviour=B}, {@code answer.no+after.behaviour=B}</td><td>a yes to a
 *       reflection confirms it; a yes to a closed question answers it</td></tr>
 *   <tr><td>{@code answer.yes}, {@code answer.no}</td><td>the utterance opens with an agreement or a denial</td></tr>
 *   <tr><td>{@code answer.yes+after.reflected=D}, {@code answer.no+after.reflected=D}</td><td>both at once: a
 *       yes to change talk is not a yes to sustain talk, which one weight per feature could not say</td></tr>
 *   <tr><td>{@code length=1-2|3-5|6-12|13-25|26+}</td><td>words in the utterance</td></tr>
 *   <tr><td>{@code sentences=2|3+}, {@code decided=earlier}</td><td>how many sentences; the rules' deciding
 *       sentence is not the last</td></tr>
 *   <tr><td>{@code previous=change|sustain|neutral}</td><td>the direction the rules gave the client's turn
 *       before, when the context holds it (added when the decision is made: {@link #previous})</td></tr>
 * </table>
 *
 * <p><b>The counselor-turn seam.</b> What the counselor turn just before contributes is {@link Before}, and
 * {@link #of} is the one method that names it as features: its question mark, its talk read in the client's
 * voice, and its {@link CounselorCoding} from the counselor packs (the one counselor-turn classifier, shared
 * with the helper-side coding).
 */
final class ClientFeatures {
    /** Answers of at most this many words get the counselor turn read in their voice. */
    static final int SHORT = 10;

    private static final Pattern YES = Pattern.compile("(?i)^\\W*(yes|yeah|yep|yup|yea|sure|right|exactly|definitely"
            + "|absolutely|true|correct|totally|mhm|mm-?hmm|uh-?huh|of course|i do|i am|i will|i would)\\b");
    private static final Pattern NO = Pattern.compile("(?i)^\\W*(no|nope|nah|never|not really|not at all|not yet)\\b");

    private ClientFeatures() {
    }

    /**
     * What the counselor turn just before gives: whether there is one, whether it asks, what it reflects (null:
     * not worked out or none), and its coding (null when no counselor pack is loaded).
     */
    record Before(boolean present, boolean question, Direction reflected, CounselorCoding coding) {
        static final Before NONE = new Before(false, false, null, null);
    }

    /**
     * The features known once the utterance is read (all but {@link #previous}).
     *
     * @param sentences the sentences as the rules read them
     * @param prior     the direction the rules give the utterance
     * @param text      the utterance as analysed
     * @param words     its words (tokens holding a letter or digit)
     */
    static Set<String> of(java.util.List<SentenceResult> sentences, Direction prior, Before before, String text, int words) {
        Set<String> f = new TreeSet<>();
        for (SentenceResult s : sentences) {
            for (Evidence e : s.evidence()) {
                if (!Engine.ECHO.equals(e.pattern())) {
                    f.add(e.rule());
                }
            }
        }
        f.add("prior=" + prior.id());
        if (!before.present()) {
            f.add("after.none");
        } else {
            if (before.question()) {
                f.add("after.question");
            }
            if (before.reflected() != null && before.reflected() != Direction.NEUTRAL) {
                f.add("after.reflected=" + before.reflected().id());
            }
            CounselorCoding c = before.coding();
            if (c != null) {
                f.add("after.behaviour=" + c.behaviour().id());
                CounselorCoding.Answered a = c.answered();
                if (a != null && a.function() != null) {
                    f.add("after.function=" + a.function().id());
                    if (a.asks() != null) {
                        f.add("after.asks=" + a.asks().id());
                    }
                    if (a.dimension() != null) {
                        f.add("after.dimension=" + a.dimension().id());
                    }
                }
            }
        }
        boolean yes = YES.matcher(text).find();
        boolean no = !yes && NO.matcher(text).find();
        if (yes || no) {
            String answer = yes ? "answer.yes" : "answer.no";
            f.add(answer);
            if (before.reflected() != null && before.reflected() != Direction.NEUTRAL) {
                f.add(answer + "+after.reflected=" + before.reflected().id());
            }
            if (before.coding() != null) {
                f.add(answer + "+after.behaviour=" + before.coding().behaviour().id());
            }
        }
        if (words > 0) {
            f.add("length=" + (words <= 2 ? "1-2" : words <= 5 ? "3-5" : words <= 12 ? "6-12" : words <= 25 ? "13-25" : "26+"));
        }
        if (sentences.size() >= 2) {
            f.add("sentences=" + (sentences.size() == 2 ? "2" : "3+"));
            int decided = -1;
            for (SentenceResult s : sentences) {
                if (s.direction() != Direction.NEUTRAL) {
                    decided = s.index();
                }
            }
            if (decided >= 0 && decided < sentences.size() - 1) {
                f.add("decided=earlier");
            }
        }
        return f;
    }

    /** The feature for the client's previous label in a transcript, or null when there is none or it is unknown. */
    static String previous(Label previous) {
        return previous == null ? null : "previous=" + previous.direction().id();
    }

    /** Whether the context holds a turn of the client's (whose reading then gives {@code previous=}). */
    static boolean hasClientTurn(java.util.List<io.github.changetalk.Turn> context) {
        for (io.github.changetalk.Turn t : context) {
            if (t.speaker() == io.github.changetalk.Speaker.CLIENT) {
                return true;
            }
        }
        return false;
    }

    /** Whether a counselor turn's text is a question: its last sentence ends with a question mark. */
    static boolean isQuestion(String counselorText) {
        String t = counselorText.strip();
        while (!t.isEmpty() && "\"')]}".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        return t.endsWith("?");
    }
}
