package io.github.changetalk.internal.helper;

import edu.stanford.nlp.ling.CoreLabel;
import io.github.changetalk.Band;
import io.github.changetalk.Behaviour;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.CounselorCoding.Answered;
import io.github.changetalk.CounselorCoding.Function;
import io.github.changetalk.CounselorCoding.Permission;
import io.github.changetalk.CounselorCoding.QuestionKind;
import io.github.changetalk.CounselorCoding.ReflectionKind;
import io.github.changetalk.Evidence;
import io.github.changetalk.MiscCode;
import io.github.changetalk.Notice;
import io.github.changetalk.internal.match.Match;
import io.github.changetalk.internal.match.SentenceMatch;
import io.github.changetalk.internal.match.SentenceMatcher;
import io.github.changetalk.internal.match.TimedMatcher;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.pack.Cue;
import io.github.changetalk.internal.pack.HelperSpec;
import io.github.changetalk.internal.resolve.Resolution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Codes one counselor turn: each sentence by the counselor rules (the code of the deciding rule, ranked
 * as client rules are: {@link Resolution#decide}), then permission (an ADW or RCW sentence becomes ADP or
 * RCP when the turn's context gives permission), then the turn's code ({@link TurnRollUp}), simple or
 * complex ({@link ReflectionDepth}), open or closed, and the act the client answers. Stateless; a call
 * holds what it needs.
 */
public final class CounselorCoder {
    private final CounselorRules rules;
    private final long stepLimit;

    public CounselorCoder(CounselorRules rules, long stepLimit) {
        this.rules = rules;
        this.stepLimit = stepLimit;
    }

    /**
     * What a counselor turn's coding reads of the turns before it, each worked out on first use:
     * the client turn the counselor turn follows (its text made safe, and its sentences; null and none
     * when there is none), and the counselor turn before that client turn (its coding when it carries
     * one, else its sentences; none when there is no such turn).
     */
    public record Context(String clientBefore, Supplier<List<SentenceView>> clientBeforeSentences,
                          CounselorCoding previousCoding, Supplier<List<SentenceView>> previousSentences) {
        /** No turn before. */
        public static final Context NONE = new Context(null, List::of, null, List::of);
    }

    /** The coding (null when no rule coded any sentence) and what the rules did on each sentence. */
    public record Coded(CounselorCoding coding, List<SentenceMatch> matches) {
    }

    /**
     * One sentence as the rules coded it, before the turn is rolled up. {@code question} is the question
     * reading of the sentence (the question rule that decides among those that fired), present even when
     * another reading coded it ("How are you?" coded as a pleasantry, "Yeah?" as a backchannel);
     * {@code reflective} says a reflection form fired on it (a rule coding a reflection above the
     * backchannel band's defaults, or a {@code cue: reflective} rule), even when another reading coded it
     * ("So you're ready?" coded as a question). Both feed the turn's question and reflection kinds, which describe those sentences.
     */
    private record Draft(SentenceView sentence, SentenceMatch match, Optional<Match> coder, Optional<Match> function,
                         Optional<Match> question, boolean reflective, int words, boolean permission, int complexSignals) {
        MiscCode ruleCode() {
            return coder.map(m -> m.rule().spec().helper().code()).orElse(null);
        }

        boolean shapeOnly() {
            return coder.isPresent() && coder.get().rule().spec().band() == Band.BACKCHANNEL;
        }
    }

    /**
     * Codes the turn.
     *
     * @param text      the turn's text as analysed (sentence offsets point into it)
     * @param sentences its sentences, tagged
     * @param reflected what the turn carries in the client's voice (asked once, at the end, for a turn that
     *                  {@linkplain CounselorCoding#putsWordsInClientsMouth() puts words in the client's mouth});
     *                  null when the turn is not to be read here
     */
    public Coded code(String text, List<SentenceView> sentences, Context context,
                      Supplier<CounselorCoding.ReflectedTalk> reflected, boolean trace) {
        SentenceMatcher matcher = TimedMatcher.of(rules.onTurn().matcher(context.clientBeforeSentences(), text, trace, stepLimit));
        List<Draft> drafts = new ArrayList<>(sentences.size());
        for (SentenceView s : sentences) {
            SentenceMatch m = matcher.match(s);
            List<Match> coding = new ArrayList<>();
            List<Match> functions = new ArrayList<>();
            List<Match> questions = new ArrayList<>();
            boolean permission = false;
            boolean reflective = false;
            boolean bothSides = false;
            Set<String> complex = new HashSet<>();
            for (Match match : m.matches()) {
                HelperSpec h = match.rule().spec().helper();
                if (h.code() != null) {
                    coding.add(match);
                    if (h.code().behaviour() == Behaviour.QUESTION) {
                        questions.add(match);
                    } else if (h.code().behaviour() == Behaviour.REFLECTION && match.rule().spec().band() != Band.BACKCHANNEL) {
                        reflective = true;
                        bothSides |= h.code() == MiscCode.CR;
                    }
                }
                if (h.function() != null) {
                    functions.add(match);
                }
                if (h.cue() == Cue.PERMISSION) {
                    permission = true;
                }
                reflective |= h.cue() == Cue.REFLECTIVE;
                if (h.cue() == Cue.COMPLEX && !WordOverlap.allSaidBy(match.evidence().text(), context.clientBefore())) {
                    complex.add(match.rule().id());
                }
            }
            Optional<Match> coder = Resolution.decide(coding);
            int signals = complex.size() + (bothSides || coder.isPresent() && coder.get().rule().spec().helper().code() == MiscCode.CR ? 2 : 0);
            drafts.add(new Draft(s, m, coder, Resolution.decide(functions), Resolution.decide(questions), reflective,
                    words(s), permission, signals));
        }
        List<SentenceMatch> matches = drafts.stream().map(Draft::match).toList();
        if (drafts.stream().allMatch(d -> d.coder().isEmpty())) {
            return new Coded(null, matches);
        }
        Permission permission = permission(drafts, context);
        List<MiscCode> codes = new ArrayList<>(drafts.size());
        boolean askedSoFar = false;
        for (Draft d : drafts) {
            askedSoFar |= d.permission();
            MiscCode c = d.ruleCode();
            boolean given = askedSoFar || permission == Permission.CLIENT_ASKED || permission == Permission.ASKED_EARLIER;
            codes.add(given && c == MiscCode.ADW ? MiscCode.ADP : given && c == MiscCode.RCW ? MiscCode.RCP : c);
        }
        ReflectionKind reflectionKind = reflectionKind(drafts, codes, context.clientBefore());
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) != null && codes.get(i).behaviour() == Behaviour.REFLECTION) {
                codes.set(i, reflectionKind == ReflectionKind.COMPLEX ? MiscCode.CR : MiscCode.SR);
            }
        }
        // A sentence coded only from its shape (the backchannel band's defaults: no cue of any act) is weak
        // evidence of what the turn does, so it weighs half its words in the roll-up.
        int decider = TurnRollUp.decide(codes, drafts.stream().map(d -> d.shapeOnly() ? d.words() / 2 : d.words()).toList());
        MiscCode code = codes.get(decider);
        QuestionKind questionKind = questionKind(drafts, codes, code);
        List<CounselorCoding.Sentence> coded = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            coded.add(sentence(i, drafts.get(i), codes.get(i), text));
        }
        boolean inconsistent = codes.stream().anyMatch(c -> c != null && c.miInconsistent());
        CounselorCoding coding = new CounselorCoding(code.behaviour(), code, inconsistent, questionKind, reflectionKind,
                permission, drafts.get(decider).coder().map(m -> m.rule().id()).orElse(null), answered(coded), null, coded);
        // Only a turn that puts words in the client's mouth carries talk a "yes" takes up (MI); reading the turn
        // in the client's voice costs a second analysis, so other turns are not read.
        return new Coded(coding.putsWordsInClientsMouth() ? coding.withReflected(reflected.get()) : coding, matches);
    }

    /**
     * The turn's permission: the client asked in the turn before, or the counselor asked in the counselor
     * turn before that (and the client did not decline), both read only when the turn gives advice or a
     * concern; else asked in this turn; else none.
     */
    private Permission permission(List<Draft> drafts, Context context) {
        boolean asksHere = drafts.stream().anyMatch(Draft::permission);
        boolean advises = drafts.stream().anyMatch(d -> d.ruleCode() == MiscCode.ADW || d.ruleCode() == MiscCode.RCW);
        if (advises) {
            Set<Cue> client = clientCues(context);
            if (client.contains(Cue.CLIENT_ASKS)) {
                return Permission.CLIENT_ASKED;
            }
            if (!client.contains(Cue.CLIENT_DECLINES) && previousAsked(context)) {
                return Permission.ASKED_EARLIER;
            }
        }
        return asksHere ? Permission.ASKED_THIS_TURN : Permission.NONE;
    }

    /** The cues the client turn before gives ({@code cue: client-asks}, {@code cue: client-declines}). */
    private Set<Cue> clientCues(Context context) {
        Set<Cue> out = new HashSet<>();
        if (context.clientBefore() == null || rules.onClientTurn().rules().rules().isEmpty()) {
            return out;
        }
        var matcher = rules.onClientTurn().matcher(List::of, context.clientBefore(), false, stepLimit);
        for (SentenceView s : context.clientBeforeSentences().get()) {
            for (Match m : matcher.match(s).matches()) {
                out.add(m.rule().spec().helper().cue());
            }
        }
        return out;
    }

    /** Whether the counselor turn before the client's asked permission (a {@code cue: permission} rule fired on it). */
    private boolean previousAsked(Context context) {
        if (context.previousCoding() != null) {
            for (CounselorCoding.Sentence s : context.previousCoding().sentences()) {
                for (Evidence e : s.evidence()) {
                    if (isPermissionCue(e.rule())) {
                        return true;
                    }
                }
            }
            return false;
        }
        var matcher = rules.onTurn().matcher(List::of, null, false, stepLimit);
        for (SentenceView s : context.previousSentences().get()) {
            for (Match m : matcher.match(s).matches()) {
                if (m.rule().spec().helper().cue() == Cue.PERMISSION) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isPermissionCue(String ruleId) {
        for (var r : rules.onTurn().rules().rules()) {
            if (r.id().equals(ruleId)) {
                return r.spec().helper().cue() == Cue.PERMISSION;
            }
        }
        return false;
    }

    /**
     * Open or closed for the turn's last question sentence: its code when it is coded as a question, else
     * its question reading; null when no sentence reads as a question. A turn coded OQ or CQ gets the kind
     * of its code, so that the two never disagree.
     */
    private static QuestionKind questionKind(List<Draft> drafts, List<MiscCode> codes, MiscCode turnCode) {
        if (turnCode == MiscCode.OQ || turnCode == MiscCode.CQ) {
            return turnCode == MiscCode.OQ ? QuestionKind.OPEN : QuestionKind.CLOSED;
        }
        for (int i = drafts.size() - 1; i >= 0; i--) {
            MiscCode c = codes.get(i);
            if (c == null || c.behaviour() != Behaviour.QUESTION) {
                c = drafts.get(i).question().map(m -> m.rule().spec().helper().code()).orElse(null);
            }
            if (c == MiscCode.OQ || c == MiscCode.CQ) {
                return c == MiscCode.OQ ? QuestionKind.OPEN : QuestionKind.CLOSED;
            }
        }
        return null;
    }

    /**
     * Simple or complex for the turn's reflective sentences together (those coded as reflections and those a
     * reflection form fired on under another code); null when it has none.
     */
    private static ReflectionKind reflectionKind(List<Draft> drafts, List<MiscCode> codes, String clientBefore) {
        int signals = 0;
        int words = 0;
        StringBuilder said = new StringBuilder();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).reflective() || codes.get(i) != null && codes.get(i).behaviour() == Behaviour.REFLECTION) {
                Draft d = drafts.get(i);
                signals += d.complexSignals();
                words += d.words();
                said.append(' ').append(text(d.sentence()));
            }
        }
        if (said.isEmpty()) {
            return null;
        }
        return ReflectionDepth.of(signals, words, WordOverlap.share(said.toString(), clientBefore));
    }

    /** The act the client answers: the last sentence coded other than a backchannel or pleasantry. */
    private static Answered answered(List<CounselorCoding.Sentence> sentences) {
        for (int i = sentences.size() - 1; i >= 0; i--) {
            CounselorCoding.Sentence s = sentences.get(i);
            if (s.code() == null || s.code() == MiscCode.FA || s.code() == MiscCode.FI) {
                continue;
            }
            Function function = s.function();
            CounselorCoding.Sentence from = s;
            if (function == null && s.code().behaviour() == Behaviour.QUESTION) {
                function = Function.OTHER;
                for (int j = i - 1; j >= 0; j--) {
                    if (sentences.get(j).function() != null) {
                        from = sentences.get(j);
                        function = from.function();
                        break;
                    }
                }
            }
            return new Answered(i, s.code(), s.decidedBy(), function, from.asks(), from.dimension());
        }
        return null;
    }

    private static CounselorCoding.Sentence sentence(int index, Draft d, MiscCode code, String text) {
        List<CoreLabel> tokens = d.sentence().tokens();
        int begin = tokens.get(0).beginPosition();
        int end = tokens.get(tokens.size() - 1).endPosition();
        String sentenceText = begin >= 0 && end <= text.length() && begin <= end ? text.substring(begin, end) : "";
        List<Evidence> evidence = new ArrayList<>(d.match().matches().size());
        for (Match m : d.match().matches()) {
            evidence.add(m.evidence());
        }
        HelperSpec function = d.function().map(m -> m.rule().spec().helper()).orElse(null);
        List<Notice> notices = d.sentence().notices();
        if (!d.match().notices().isEmpty()) {
            notices = new ArrayList<>(notices);
            notices.addAll(d.match().notices());
        }
        return new CounselorCoding.Sentence(index, sentenceText, begin, end, code,
                d.coder().map(m -> m.rule().id()).orElse(null), function == null ? null : function.function(),
                function == null ? null : function.asks(), function == null ? null : function.dimension(), evidence,
                d.match().vetoes(), notices);
    }

    /** The words of a sentence: tokens holding a letter or digit. */
    private static int words(SentenceView s) {
        int n = 0;
        for (CoreLabel t : s.tokens()) {
            String w = t.word();
            if (w != null && w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                n++;
            }
        }
        return n;
    }

    private static String text(SentenceView s) {
        StringBuilder b = new StringBuilder();
        for (CoreLabel t : s.tokens()) {
            b.append(b.isEmpty() ? "" : " ").append(t.word());
        }
        return b.toString();
    }
}
