package io.github.changetalk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * How one counselor turn is coded: each sentence by the counselor packs' rules, rolled up to the turn.
 * Computed once per counselor turn, it is both the turn's own result ({@link UtteranceResult#coding()})
 * and the context the client turn after it reads: which act the client answers ({@link #answered}),
 * and the change or sustain talk the turn carries when read in the client's voice ({@link #reflected}).
 * Immutable.
 *
 * @param behaviour      the turn's group: question, reflection, input or other
 * @param code           the turn's MISC code, always of {@code behaviour}'s group
 * @param miInconsistent whether some sentence of the turn is coded ADW, RCW, CO, DI or WA (the righting
 *                       reflex); only ever set by a rule that fired, so its words are in that sentence's evidence
 * @param questionKind   open or closed, whenever the turn holds a question (its last one, even one coded
 *                       otherwise, such as a greeting's "how are you?"; a turn coded OQ or CQ gets its code's
 *                       kind), else null
 * @param reflectionKind simple or complex, whenever the turn holds a reflection or a reflective sentence coded
 *                       otherwise (a statement said with a rising voice), else null
 * @param permission     whether advice and concerns in this turn come with permission, and why
 * @param decidedBy      the rule that gave the turn's code (that of the sentence the roll-up took it from);
 *                       null when no rule coded any sentence
 * @param answered       the act the client's next turn answers (the last sentence that is not a backchannel
 *                       or pleasantry), or null when the turn holds none
 * @param reflected      the turn read in the client's voice ("So you're worried about your liver" reads "I'm
 *                       worried about my liver": reason, change), by the client rules: the change or sustain
 *                       talk it carries, or {@link ReflectedTalk#NONE} when it carries none; null when it was not
 *                       read. Only a turn that {@linkplain #putsWordsInClientsMouth() puts words in the client's
 *                       mouth} is read here, and only when the classifier is asked to
 *                       ({@code Classifier.Builder.readReflectedTalk}); otherwise the client turn after it reads
 *                       it when it needs it (a short answer, a rule's {@code after: reflected}), once
 * @param sentences      every sentence with its code, the rule that decided it and the rules that fired
 * @param weighing       how the counselor's evidence weights decided {@code behaviour} (each sentence's fired rules
 *                       and context features with their weights); null when the rules' roll-up decided it
 *                       ({@code --weights none}, or no counselor weights loaded)
 */
public record CounselorCoding(Behaviour behaviour, MiscCode code, boolean miInconsistent, QuestionKind questionKind,
                              ReflectionKind reflectionKind, Permission permission, String decidedBy, Answered answered,
                              ReflectedTalk reflected, List<Sentence> sentences,
                              @JsonInclude(JsonInclude.Include.NON_NULL) BehaviourWeighing weighing) {
    public CounselorCoding {
        sentences = List.copyOf(sentences);
        if (code != null && behaviour != null && code.behaviour() != behaviour) {
            throw new IllegalArgumentException("code " + code + " is not of the group " + behaviour);
        }
    }

    /** A coding decided by the rules' roll-up alone (no weighing). */
    public CounselorCoding(Behaviour behaviour, MiscCode code, boolean miInconsistent, QuestionKind questionKind,
                           ReflectionKind reflectionKind, Permission permission, String decidedBy, Answered answered,
                           ReflectedTalk reflected, List<Sentence> sentences) {
        this(behaviour, code, miInconsistent, questionKind, reflectionKind, permission, decidedBy, answered, reflected,
                sentences, null);
    }

    /**
     * How the counselor's evidence weights decided the turn's group: each sentence's probabilities of the four
     * groups come from its features (the counselor rules that fired on it, its code, and named context
     * features), and the turn's score of a group is the sum over its sentences of the sentence's words times
     * the log of that probability; the highest wins.
     *
     * @param behaviour the group decided
     * @param scores    the turn's score of each group
     * @param sentences each sentence's part, in order
     * @param weights   the weights file or resource that decided
     */
    public record BehaviourWeighing(Behaviour behaviour, java.util.Map<Behaviour, Double> scores,
                                    List<SentenceWeighing> sentences, String weights) {
        public BehaviourWeighing {
            scores = java.util.Map.copyOf(scores);
            sentences = List.copyOf(sentences);
        }
    }

    /**
     * One sentence's part in a {@link BehaviourWeighing}.
     *
     * @param index         the sentence's position in the turn
     * @param words         its words: how much it counts in the turn's sum
     * @param probabilities its probability of each group
     * @param bias          the model's bias toward the decided group
     * @param features      each feature present (a rule that fired, or a named feature) with its weight toward the
     *                      turn's decided group (0 for one the weights do not know), largest first
     */
    public record SentenceWeighing(int index, int words, java.util.Map<Behaviour, Double> probabilities, double bias,
                                   List<Weighing.FeatureWeight> features) {
        public SentenceWeighing {
            probabilities = java.util.Map.copyOf(probabilities);
            features = List.copyOf(features);
        }
    }

    /**
     * Whether the turn puts words in the client's mouth that a "yes" takes up (MI): it holds a sentence coded
     * as a reflection, or the act the client answers is a closed question. Only such a turn carries talk for a
     * rule's {@code after: reflected} condition (another turn's is none). A sentence coded as something else
     * that merely reads as reflective (a rising "So you're ready?" coded as a question) gives the turn a
     * reflection kind but does not make it one.
     */
    public boolean putsWordsInClientsMouth() {
        return sentences.stream().anyMatch(s -> s.code() != null && s.code().behaviour() == Behaviour.REFLECTION)
                || answered != null && answered.code() == MiscCode.CQ;
    }

    /** This coding with the turn read in the client's voice ({@code talk}: the talk found, or {@link ReflectedTalk#NONE}). */
    public CounselorCoding withReflected(ReflectedTalk talk) {
        return new CounselorCoding(behaviour, code, miInconsistent, questionKind, reflectionKind, permission, decidedBy,
                answered, talk, sentences, weighing);
    }

    /** The sentences coded MI-inconsistent (ADW, RCW, CO, DI, WA), in order: what a supervisor looks at. */
    public List<Sentence> inconsistentSentences() {
        return sentences.stream().filter(s -> s.code() != null && s.code().miInconsistent()).toList();
    }

    /**
     * One sentence of the turn.
     *
     * @param index     its position in the turn, from 0
     * @param text      the sentence as said; {@code begin}/{@code end} are character offsets into the turn's text
     * @param code      its MISC code (after permission: an ADW sentence with permission is ADP); null when no
     *                  counselor rule coded it
     * @param decidedBy the rule whose code it got (null when none); its words are among {@code evidence}
     * @param function  what the sentence asks the client to do, when a rule says so (questions), else null
     * @param asks      for {@link Function#EVOKING_CHANGE} and {@link Function#ELICITING_STATUS_QUO}, the kind of
     *                  talk asked for, when a rule says so; else null
     * @param dimension for a {@link Function#RULER}, what it measures; else null
     * @param evidence  every counselor rule that fired (not vetoed), with the words it matched
     * @param vetoed    the rules held back by an {@code unless:} pattern
     * @param notices   what could not be done fully for the sentence
     */
    public record Sentence(int index, String text, int begin, int end, MiscCode code, String decidedBy,
                           Function function, Kind asks, Dimension dimension, List<Evidence> evidence,
                           List<Veto> vetoed, List<Notice> notices) {
        public Sentence {
            evidence = List.copyOf(evidence);
            vetoed = List.copyOf(vetoed);
            notices = List.copyOf(notices);
        }
    }

    /**
     * The act the client answers: the turn's last substantive sentence.
     *
     * @param sentence  its index in {@link #sentences()}
     * @param code      its code
     * @param rule      the rule that coded it
     * @param function  what it asks the client to do; null for a sentence that is not a question. A question
     *                  with no function of its own takes that of an earlier question of the turn ("On a scale
     *                  of zero to ten, how important is it? Where would you put yourself?" is a ruler);
     *                  a question no rule gives a function is {@link Function#OTHER}
     * @param asks      the kind of talk an evoking (or status-quo) question asks for, or null
     * @param dimension a ruler's dimension, or null
     */
    public record Answered(int sentence, MiscCode code, String rule, Function function, Kind asks, Dimension dimension) {
    }

    /**
     * The change or sustain talk a counselor turn carries when read in the client's voice, as the client
     * rules hear it: the rule that decided, its label, direction and kind, its band, and the words it
     * matched in the turn as rewritten in the client's voice. {@link #NONE} says the turn was read and
     * carries no change or sustain talk (neutral, and no rule, band or words).
     */
    public record ReflectedTalk(String rule, Label label, Direction direction, Kind kind, Band band, String words) {
        /** Read, and no change or sustain talk found. */
        public static final ReflectedTalk NONE = new ReflectedTalk(null, Label.NEUTRAL, Direction.NEUTRAL, null, null, null);

        /** Whether the turn carries change or sustain talk (this is not {@link #NONE}). */
        public boolean found() {
            return rule != null;
        }
    }

    /** Open or closed question (MISC 2.5: closed if it can be answered yes or no, or with one fact). */
    public enum QuestionKind {
        OPEN, CLOSED;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** Simple or complex reflection. */
    public enum ReflectionKind {
        SIMPLE, COMPLEX;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /**
     * Whether the turn's advice and concerns come with permission. {@link #ASKED_THIS_TURN}: the counselor
     * asked, or left the choice to the client, earlier in this turn or in the same sentence ("Would it be
     * okay if I shared...", "see what fits for you"); {@link #CLIENT_ASKED}: the client asked for ideas or
     * the counselor's view in the turn before; {@link #ASKED_EARLIER}: the counselor asked in the counselor
     * turn before that and the client did not decline. Each is read by rules ({@code cue: permission},
     * {@code cue: client-asks}, {@code cue: client-declines}).
     */
    public enum Permission {
        NONE, ASKED_THIS_TURN, CLIENT_ASKED, ASKED_EARLIER;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /**
     * What a question asks the client to do, as counselor rules tag it ({@code function:} in a pack):
     * evoke change talk (of a kind: {@code asks:}), elicit the status quo (what the behaviour gives, what
     * changing costs), a ruler (a number on {@code dimension:} importance, confidence or readiness),
     * information (a fact about the client: how many, since when), logistics (appointments, forms),
     * permission (may I share...), checking (did I get that right), or other.
     */
    public enum Function {
        EVOKING_CHANGE, ELICITING_STATUS_QUO, RULER, INFORMATION, LOGISTICS, PERMISSION, CHECKING, OTHER;

        /** As written in packs, e.g. {@code evoking-change}. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses {@link #id()}; null for an unknown name. */
        @JsonCreator
        public static Function fromId(String id) {
            return Ids.find(values(), id);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** What a ruler question measures. */
    public enum Dimension {
        IMPORTANCE, CONFIDENCE, READINESS;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@link #id()}; null for an unknown name. */
        @JsonCreator
        public static Dimension fromId(String id) {
            return Ids.find(values(), id);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** Looks an enum constant up by its written id (lower case, hyphens); null when none has it. */
    private static final class Ids {
        private Ids() {
        }

        static <E extends Enum<E>> E find(E[] values, String id) {
            if (id == null) {
                return null;
            }
            String norm = id.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (E e : values) {
                if (e.name().equals(norm)) {
                    return e;
                }
            }
            return null;
        }
    }
}
