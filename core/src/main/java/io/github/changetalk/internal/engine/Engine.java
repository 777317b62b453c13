package io.github.changetalk.internal.engine;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.util.RuntimeInterruptedException;
import io.github.changetalk.CounselorCoding;
import io.github.changetalk.Direction;
import io.github.changetalk.Evidence;
import io.github.changetalk.Explanation;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import io.github.changetalk.Notice;
import io.github.changetalk.Reading;
import io.github.changetalk.SentenceResult;
import io.github.changetalk.Speaker;
import io.github.changetalk.TokenInfo;
import io.github.changetalk.Turn;
import io.github.changetalk.Utterance;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.internal.helper.CounselorCoder;
import io.github.changetalk.internal.match.Match;
import io.github.changetalk.internal.match.MatchingRules;
import io.github.changetalk.internal.match.RuleMatcher;
import io.github.changetalk.internal.match.SentenceMatch;
import io.github.changetalk.internal.match.SentenceMatcher;
import io.github.changetalk.internal.match.TimedMatcher;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.nlp.TextSanitizer;
import io.github.changetalk.internal.pack.Echo;
import io.github.changetalk.internal.pack.GraphKind;
import io.github.changetalk.internal.resolve.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Classifies one utterance: analyze, match each sentence, resolve, roll up. Stateless between calls;
 * the rule sets and the analyzer it is given are immutable and thread-safe.
 */
public final class Engine {
    /**
     * Text to analyzed sentences. A sentence whose untagged tokens fail {@code needsTags} may be left
     * untagged ({@link SentenceView#tagged()} false) and is then not matched; null asks for every
     * sentence tagged. An implementation may tag every sentence anyway.
     */
    @FunctionalInterface
    public interface Analysis {
        List<SentenceView> analyze(String text, Predicate<List<CoreLabel>> needsTags);

        /**
         * As {@link #analyze}, each sentence analysed when its supplier is first called (with the same
         * result), for a reader that may stop early; by default, all at once.
         */
        default List<Supplier<SentenceView>> analyzeLazily(String text, Predicate<List<CoreLabel>> needsTags) {
            return analyze(text, needsTags).stream().map(s -> (Supplier<SentenceView>) () -> s).toList();
        }

        /**
         * The caller is done with {@code sentences}, the full analysis of {@code text} ({@link #analyze} with
         * {@code needsTags} null): an implementation may give them to the next call asking for the same
         * ({@link HandedOn}: a counselor turn coded, then read as said by the client turn after it). By
         * default they are dropped.
         */
        default void done(String text, List<SentenceView> sentences) {
        }
    }

    /** The pattern name of the evidence a short answer takes from the counselor turn read in the client's voice. */
    static final String ECHO = "echo";

    private final Analysis analyzer;
    private final int maxCharacters;
    private final long matchStepLimit;
    private final boolean readsVoiceFromEnd;
    private final boolean readsReflectedTalk;

    /**
     * @param analyzer       text to analyzed sentences (the real pipeline, or pre-parsed fixtures in tests)
     * @param maxCharacters  longer utterances are cut to this many characters, and their results say so
     * @param matchStepLimit how many tokens one pattern may read on one sentence before it is stopped
     */
    public Engine(Analysis analyzer, int maxCharacters, long matchStepLimit) {
        this(analyzer, maxCharacters, matchStepLimit, false);
    }

    /**
     * As above; {@code readsVoiceFromEnd}: a counselor turn read in the client's voice is read from its last
     * sentence back, each sentence tagged, parsed and matched only until one decides (the roll-up takes the
     * last sentence that is not neutral, so what comes before it cannot change the result); false reads every
     * sentence, the plain way, which the differential tests compare it with.
     */
    public Engine(Analysis analyzer, int maxCharacters, long matchStepLimit, boolean readsVoiceFromEnd) {
        this(analyzer, maxCharacters, matchStepLimit, readsVoiceFromEnd, false);
    }

    /**
     * As above; {@code readsReflectedTalk}: every counselor turn that puts words in the client's mouth is read
     * in the client's voice when it is coded, and its coding says what it carries
     * ({@link CounselorCoding#reflected()}); false leaves that to the client turn after it, which reads the
     * turn only when it needs to (a short answer, an {@code after: reflected} condition). Labels are the same.
     */
    public Engine(Analysis analyzer, int maxCharacters, long matchStepLimit, boolean readsVoiceFromEnd,
                  boolean readsReflectedTalk) {
        this.analyzer = analyzer;
        this.maxCharacters = maxCharacters;
        this.matchStepLimit = matchStepLimit;
        this.readsVoiceFromEnd = readsVoiceFromEnd;
        this.readsReflectedTalk = readsReflectedTalk;
    }

    /**
     * The result the rules give and, when {@code trace}, the per-sentence explanation; {@code reading} is the
     * utterance read for the evidence weights (without features unless they were asked for).
     */
    public record Outcome(UtteranceResult result, List<Explanation.Sentence> explained, Reading reading) {
        Outcome(UtteranceResult result, List<Explanation.Sentence> explained) {
            this(result, explained, Reading.of(result));
        }
    }

    /** As {@link #classify(MatchingRules, Utterance, boolean, boolean)} without the weights' features. */
    public Outcome classify(MatchingRules rules, Utterance utterance, boolean trace) {
        return classify(rules, utterance, trace, false);
    }

    /**
     * Never throws for any text: what could not be done is said in the result's notices. Throws
     * {@link CancellationException} when the calling thread is interrupted.
     */
    public Outcome classify(MatchingRules clientRules, Utterance utterance, boolean trace, boolean features) {
        return classify(RuleSets.clientOnly(clientRules), utterance, trace, features);
    }

    /** As {@link #classify(RuleSets, Utterance, boolean, boolean)} without the weights' features. */
    public Outcome classify(RuleSets rules, Utterance utterance, boolean trace) {
        return classify(rules, utterance, trace, false);
    }

    /**
     * As above, with counselor rules: a counselor utterance is coded, and a client utterance reads that coding;
     * with {@code features}, the outcome's reading holds the features the evidence weights read.
     */
    public Outcome classify(RuleSets rules, Utterance utterance, boolean trace, boolean features) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("classification interrupted");
        }
        try {
            return classifyUnguarded(rules, utterance, trace, features);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeInterruptedException e) {
            // CoreNLP noticed the interrupt and cleared the flag; set it again for the caller.
            Thread.currentThread().interrupt();
            throw new CancellationException("classification interrupted");
        } catch (RuntimeException | StackOverflowError e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("classification interrupted");
            }
            // A CoreNLP failure on some odd input must not lose the record: it comes back neutral, saying why.
            Notice failed = new Notice("failed", "the text could not be analyzed (" + e.getClass().getSimpleName()
                    + "); it is labelled neutral");
            return new Outcome(new UtteranceResult(utterance.text(), utterance.speaker(),
                    utterance.speaker() == Speaker.CLIENT ? Label.NEUTRAL : null,
                    utterance.speaker() == Speaker.CLIENT ? Direction.NEUTRAL : null, null, List.of(), List.of(failed)), List.of());
        }
    }

    private Outcome classifyUnguarded(RuleSets ruleSets, Utterance utterance, boolean trace, boolean features) {
        if (utterance.speaker() != Speaker.CLIENT) {
            if (!ruleSets.counselor().codesTurns()) {
                return new Outcome(new UtteranceResult(utterance.text(), utterance.speaker(), null, null, null,
                        List.of(), List.of()), List.of());
            }
            return codeCounselorTurn(ruleSets, utterance, trace);
        }
        MatchingRules rules = ruleSets.client();
        String original = utterance.text();
        List<Notice> notices = new ArrayList<>();
        String text = prepared(original, notices);
        CounselorTurn counselor = CounselorTurn.before(utterance.context(), this::prepared, analyzer,
                (turnText, before) -> ruleSets.counselor().codesTurns()
                        ? codeCounselorTurn(ruleSets, turnText, before, false).handOn(analyzer, turnText) : null);
        // A sentence that no rule could match, judged by its words and their lemmas under every tag, is
        // not tagged: it is neutral whatever its tags, and a short input of such sentences is answered
        // without waiting for the tagger to load. Explanations list every token's tag, so they tag all.
        Predicate<List<CoreLabel>> needsTags = trace ? null
                : tokens -> rules.shortcuts().couldMatch(tokens, counselor.present());
        List<SentenceView> sentences = text.isBlank() ? List.of() : analyzer.analyze(text, needsTags);
        if (sentences.isEmpty()) {
            notices.add(new Notice("empty", "the text has no words; it is labelled neutral"));
        }
        // A short answer (and an after: reflected condition) reads the counselor turn in the client's voice: as
        // the turn's coding read it when it did, else here, on first use; either way once.
        Supplier<CounselorCoding.ReflectedTalk> voice = memoize(() -> {
            CounselorCoding known = counselor.codingIfKnown();
            return known != null && known.reflected() != null ? known.reflected() : reflected(rules, counselor.voiced());
        });
        Supplier<Optional<CounselorCoding.ReflectedTalk>> echo = () -> counselor.present()
                ? Optional.of(voice.get()).filter(CounselorCoding.ReflectedTalk::found) : Optional.empty();
        SentenceMatcher matcher = TimedMatcher.of(rules.matcher(counselor::asSaid, counselor::coding, voice, original,
                trace, matchStepLimit));
        List<SentenceResult> results = new ArrayList<>(sentences.size());
        List<Explanation.Sentence> explained = new ArrayList<>();
        for (SentenceView s : sentences) {
            SentenceMatch m = matcher.match(s);
            SentenceResult r = sentenceResult(results.size(), s, m, original, echo);
            results.add(r);
            if (trace) {
                explained.add(new Explanation.Sentence(r.text(), tokenInfo(s), dependencies(s, rules), m.verdicts()));
            }
        }
        Optional<SentenceResult> decider = Resolution.rollUp(results);
        Label label = decider.map(SentenceResult::label).orElse(Label.NEUTRAL);
        Direction direction = decider.map(SentenceResult::direction).orElse(Direction.NEUTRAL);
        Kind kind = decider.map(SentenceResult::kind).orElse(null);
        for (SentenceResult r : results) {
            for (Notice n : r.notices()) {
                if (!notices.contains(n)) { // the pieces of one split sentence share one notice
                    notices.add(n);
                }
            }
        }
        UtteranceResult result = new UtteranceResult(original, Speaker.CLIENT, label, direction, kind, results, notices);
        if (!features) {
            return new Outcome(result, explained);
        }
        int words = words(sentences);
        Evidence reflected = null;
        if (counselor.present() && words <= ClientFeatures.SHORT) {
            reflected = echo.get().map(t -> new Evidence(t.rule(), t.label(), t.direction(), t.kind(), t.band().rank(), ECHO,
                    t.words(), 0, 0)).orElse(null);
        }
        ClientFeatures.Before before = !counselor.present() ? ClientFeatures.Before.NONE
                : new ClientFeatures.Before(true, ClientFeatures.isQuestion(counselor.text()),
                        reflected == null ? null : reflected.direction(), counselor.coding());
        return new Outcome(result, explained, new Reading(result, ClientFeatures.of(results, direction, before, text, words),
                reflected, ClientFeatures.hasClientTurn(utterance.context())));
    }

    /** Tokens that hold a letter or a digit. */
    private static int words(List<SentenceView> sentences) {
        int n = 0;
        for (SentenceView s : sentences) {
            for (CoreLabel t : s.tokens()) {
                String w = t.word();
                if (w != null && w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The text cut to {@code maxCharacters}, at a space near the limit. */
    private String cut(String text) {
        return text.length() > maxCharacters ? text.substring(0, cutPoint(text, maxCharacters)) : text;
    }

    /** The text made safe, and cut to {@code maxCharacters} (saying so in {@code notices}). */
    private String prepared(String original, List<Notice> notices) {
        String text = TextSanitizer.sanitize(original);
        if (text.length() > maxCharacters) {
            notices.add(new Notice("truncated", "utterance has " + text.length()
                    + " characters; only the first " + maxCharacters + " were analyzed"));
        }
        return cut(text);
    }

    /** A turn of the context made safe and cut, as its own classification would. */
    private String prepared(String original) {
        return cut(TextSanitizer.sanitize(original));
    }

    /**
     * What a counselor turn says when read in the client's voice ({@link ClientVoice}; {@code voiced} is the
     * turn so rewritten): the match that decides it, by the client rules and the same resolution as client
     * speech (within each sentence, then across them). {@link CounselorCoding.ReflectedTalk#NONE} when it holds
     * no change or sustain talk. A sentence no client rule could match is left untagged, which changes no match.
     */
    private CounselorCoding.ReflectedTalk reflected(MatchingRules rules, String voiced) {
        RuleMatcher matcher = rules.matcher(List::of, voiced, false, matchStepLimit);
        Predicate<List<CoreLabel>> needsTags = tokens -> rules.shortcuts().couldMatch(tokens, false);
        Optional<Match> decider;
        if (readsVoiceFromEnd) {
            List<Supplier<Optional<Match>>> sentences = new ArrayList<>();
            for (Supplier<SentenceView> s : analyzer.analyzeLazily(voiced, needsTags)) {
                sentences.add(() -> Resolution.decide(matcher.match(s.get()).matches(), s.get().tokens()));
            }
            decider = Resolution.rollUpLazily(sentences, m -> m.rule().label());
        } else {
            List<Match> decided = new ArrayList<>();
            for (SentenceView s : analyzer.analyze(voiced, needsTags)) {
                Resolution.decide(matcher.match(s).matches(), s.tokens()).ifPresent(decided::add);
            }
            decider = Resolution.rollUp(decided, m -> m.rule().label());
        }
        return decider.map(m -> {
            var spec = m.rule().spec();
            return new CounselorCoding.ReflectedTalk(spec.id(), spec.label(), spec.direction(), spec.kind(), spec.band(),
                    m.evidence().text());
        }).orElse(CounselorCoding.ReflectedTalk.NONE);
    }

    /** Codes a counselor utterance: its own result. */
    private Outcome codeCounselorTurn(RuleSets rules, Utterance utterance, boolean trace) {
        List<Notice> notices = new ArrayList<>();
        String text = prepared(utterance.text(), notices);
        Coded coded = codeCounselorTurn(rules, text, utterance.context(), trace);
        List<Explanation.Sentence> explained = new ArrayList<>();
        if (trace && coded.coding() != null) {
            for (int i = 0; i < coded.sentences().size(); i++) {
                SentenceView s = coded.sentences().get(i);
                explained.add(new Explanation.Sentence(coded.coding().sentences().get(i).text(), tokenInfo(s),
                        dependencies(s, rules.counselor().onTurn()), coded.matches().get(i).verdicts()));
            }
        }
        if (coded.sentences().isEmpty()) {
            notices.add(new Notice("empty", "the text has no words; it is not coded"));
        } else if (coded.coding() != null) {
            for (CounselorCoding.Sentence s : coded.coding().sentences()) {
                for (Notice n : s.notices()) {
                    if (!notices.contains(n)) {
                        notices.add(n);
                    }
                }
            }
        }
        if (!trace) {
            coded.handOn(analyzer, text);
        }
        return new Outcome(new UtteranceResult(utterance.text(), Speaker.COUNSELOR, null, null, null, List.of(), notices,
                coded.coding(), null), explained);
    }

    /**
     * The counselor rules that read the client turn before a counselor turn ({@code cue: client-asks},
     * {@code cue: client-declines}) and fire on this client text, with their words: for checking their examples.
     */
    public List<Evidence> clientCues(RuleSets rules, String clientText) {
        String text = prepared(clientText);
        RuleMatcher matcher = rules.counselor().onClientTurn().matcher(List::of, text, false, matchStepLimit);
        List<Evidence> out = new ArrayList<>();
        for (SentenceView s : text.isBlank() ? List.<SentenceView>of() : analyzer.analyze(text, null)) {
            for (Match m : matcher.match(s).matches()) {
                out.add(m.evidence());
            }
        }
        return out;
    }

    /** A counselor turn coded, with its analysed sentences and what the rules did on each. */
    private record Coded(CounselorCoding coding, List<SentenceView> sentences, List<SentenceMatch> matches) {
        /** Done with the sentences, the full analysis of {@code text}: the client turn after may read them as said. */
        CounselorCoding handOn(Analysis analyzer, String text) {
            if (!sentences.isEmpty()) {
                analyzer.done(text, sentences);
            }
            return coding;
        }
    }

    /**
     * Codes a counselor turn ({@code text} prepared) whose context is {@code before} (the turns before it,
     * oldest first): the client turn it follows and the counselor turn before that are read from there.
     */
    private Coded codeCounselorTurn(RuleSets rules, String text, List<Turn> before, boolean trace) {
        List<SentenceView> sentences = text.isBlank() ? List.of() : analyzer.analyze(text, null);
        if (sentences.isEmpty()) {
            return new Coded(null, sentences, List.of());
        }
        CounselorCoder.Context context = counselorContext(before);
        MatchingRules client = rules.client();
        CounselorCoder.Coded coded = new CounselorCoder(rules.counselor(), matchStepLimit).code(text, sentences, context,
                () -> readsReflectedTalk ? reflected(client, ClientVoice.of(text)) : null, trace);
        return new Coded(coded.coding(), sentences, coded.matches());
    }

    /** What coding a counselor turn reads of the turns before it: the client turn it follows, and the counselor turn before that. */
    private CounselorCoder.Context counselorContext(List<Turn> before) {
        int at = before.size() - 1;
        while (at >= 0 && before.get(at).text().isBlank()) {
            at--;
        }
        if (at < 0 || before.get(at).speaker() != Speaker.CLIENT) {
            return CounselorCoder.Context.NONE;
        }
        String client = prepared(before.get(at).text());
        Supplier<List<SentenceView>> clientSentences = memoize(() -> analyzer.analyze(client, null));
        int prev = at - 1;
        while (prev >= 0 && before.get(prev).text().isBlank()) {
            prev--;
        }
        if (prev < 0 || before.get(prev).speaker() != Speaker.COUNSELOR) {
            return new CounselorCoder.Context(client, clientSentences, null, List::of);
        }
        Turn counselor = before.get(prev);
        String previous = prepared(counselor.text());
        return new CounselorCoder.Context(client, clientSentences, counselor.coding(),
                memoize(() -> analyzer.analyze(previous, null)));
    }

    private static SentenceResult sentenceResult(int index, SentenceView s, SentenceMatch m, String text,
                                                 Supplier<Optional<CounselorCoding.ReflectedTalk>> echo) {
        List<CoreLabel> tokens = s.tokens();
        int begin = tokens.get(0).beginPosition();
        int end = tokens.get(tokens.size() - 1).endPosition();
        String sentenceText = begin >= 0 && end <= text.length() && begin <= end ? text.substring(begin, end) : "";
        Optional<Match> winner = Resolution.decide(m.matches(), tokens);
        List<Evidence> evidence = new ArrayList<>(m.matches().size());
        for (Match match : m.matches()) {
            evidence.add(match.evidence());
        }
        Label label = winner.map(w -> w.rule().label()).orElse(Label.NEUTRAL);
        Direction direction = winner.map(w -> w.rule().spec().direction()).orElse(Direction.NEUTRAL);
        Kind kind = winner.map(w -> w.rule().spec().kind()).orElse(null);
        String decidedBy = winner.map(w -> w.rule().id()).orElse(null);
        Echo answer = winner.map(w -> w.rule().spec().echo()).orElse(null);
        if (answer != null) {
            // A short answer: it says yes or no to the counselor turn, read in the client's voice.
            Optional<CounselorCoding.ReflectedTalk> echoed = echo.get();
            Evidence said = winner.get().evidence();
            if (echoed.isPresent()) {
                CounselorCoding.ReflectedTalk talk = echoed.get();
                Direction d = talk.direction();
                if (answer == Echo.AFFIRM || d == Direction.CHANGE) {
                    direction = answer == Echo.AFFIRM ? d : Direction.SUSTAIN;
                    kind = talk.kind();
                    label = Label.of(direction, kind);
                    evidence.add(new Evidence(talk.rule(), label, direction, kind, talk.band().rank(), ECHO,
                            talk.words(), said.begin(), said.end()));
                }
            }
        }
        List<Notice> notices = s.notices();
        if (!m.notices().isEmpty()) {
            notices = new ArrayList<>(notices);
            notices.addAll(m.notices());
        }
        return new SentenceResult(index, sentenceText, begin, end, label, direction, kind, decidedBy,
                evidence, m.vetoes(), s.parsed(), notices);
    }

    private static List<TokenInfo> tokenInfo(SentenceView s) {
        List<TokenInfo> out = new ArrayList<>();
        int i = 1;
        for (CoreLabel t : s.tokens()) {
            out.add(new TokenInfo(i++, t.word(), t.lemma(), t.tag(), t.beginPosition(), t.endPosition()));
        }
        return out;
    }

    /** For explanations: the basic graph, parsing if the rules have a parser at all. */
    private static String dependencies(SentenceView s, MatchingRules rules) {
        if (!rules.rules().usesDependencies()) {
            return null;
        }
        SemanticGraph g = s.graph(GraphKind.BASIC);
        if (g == null) {
            return null;
        }
        return g.toList().strip();
    }

    /** Cuts at a whitespace near the limit, so a word is not split. */
    private static int cutPoint(String text, int limit) {
        for (int i = limit; i > limit - 200 && i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public T get() {
                if (!done) {
                    value = supplier.get();
                    done = true;
                }
                return value;
            }
        };
    }
}
