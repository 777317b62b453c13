package io.github.changetalk.internal.engine;

import io.github.changetalk.internal.match.Shortcuts;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.changetalk.Direction;
import io.github.changetalk.Evidence;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import io.github.changetalk.Speaker;
import io.github.changetalk.Turn;
import io.github.changetalk.Utterance;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.compile.RuleCompiler;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.match.MatchingRules;
import io.github.changetalk.internal.shortcut.PatternHints;
import io.github.changetalk.internal.shortcut.TriggerGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine on pre-parsed sentences, without CoreNLP models: matching, vetoes, context, triggers,
 * lexicons, targets and both resolution policies. Utterances are fixtures: each sentence is given as
 * tagged tokens and dependencies, and the utterance text is the sentences joined by a space.
 */
class EngineFixtureTest {
    private static final String PACK = """
            pack: fixture
            lexicons:
              WANT: [want, wanna, would like]
              CHANGE: [quit, stop, cut down, $GIVE_UP]
              GIVE_UP: [give up]
              AFFIRM: ["yes", yeah, definitely]
            rules:
              - id: WANT_CHANGE
                kind: desire
                direction: change
                patterns:
                  - tokens: '[{word:/(?i)i/}] []{0,3} $WANT []{0,2} $CHANGE'
                unless:
                  - tokens: '[{lemma:not}]'
                examples: {match: [a, b], nomatch: [c]}
              - id: NOT_WANT_CHANGE
                kind: desire
                direction: sustain
                priority: reversal
                patterns:
                  - dependency: '{lemma:want} >advmod {lemma:not} >xcomp {lemma:$CHANGE}'
                examples: {match: [a, b], nomatch: [c]}
              - id: CANNOT_STOP
                kind: ability
                direction: sustain
                patterns:
                  - tokens: '[{lemma:can}] [{lemma:not}] $CHANGE'
                examples: {match: [a, b], nomatch: [c]}
              - id: OTHERS_WISH
                neutral: true
                priority: frame
                patterns:
                  - tokens: '[{lemma:/wife|husband|doctor/}] [{lemma:want}] [{tag:PRP}] [{word:to}]'
                examples: {match: [a, b], nomatch: [c]}
              - id: YES_TO_DESIRE
                kind: desire
                direction: change
                patterns:
                  - tokens: '^ $AFFIRM'
                context:
                  - tokens: '[{lemma:do}] [{word:/(?i)you/}] $WANT []{0,2} $CHANGE'
                examples: {match: [a, b], nomatch: [c]}
              - id: BOOZE_TALK
                kind: reason
                direction: sustain
                patterns:
                  - tokens: '$BEHAVIOUR [{lemma:help}] [{word:/(?i)me/}] [{lemma:relax}]'
                examples: {match: [a, b], nomatch: [c]}
            """;
    private static final String ALCOHOL = """
            pack: target-alcohol
            target: alcohol
            aliases: [drinking, reducing alcohol consumption]
            lexicons:
              BEHAVIOUR: [drinking, beer]
            """;
    private static final String SMOKING = """
            pack: target-smoking
            target: smoking
            lexicons:
              BEHAVIOUR: [smoking, cigarettes]
            """;

    private final Map<String, List<FixtureSentence>> fixtures = new HashMap<>();
    private final List<FixtureSentence> analyzed = new ArrayList<>();
    private RuleCatalog catalog;
    private Engine engine;

    @BeforeEach
    void setUp() {
        List<PackSpec> packs = List.of(PackParser.parse("fixture.yaml", PACK),
                PackParser.parse("alcohol.yaml", ALCOHOL), PackParser.parse("smoking.yaml", SMOKING));
        catalog = new RuleCatalog(packs, Set.of());
        engine = FixtureEngine.over(text -> {
            List<FixtureSentence> s = fixtures.get(text);
            assertThat(s).as("fixture for '%s'", text).isNotNull();
            analyzed.addAll(s);
            return new ArrayList<SentenceView>(s);
        });
    }

    /** The compiled rules with no shortcuts: every rule tried on every sentence. */
    private static MatchingRules plainRules(RuleSet compiled) {
        return new MatchingRules(compiled, Shortcuts.none(compiled));
    }

    private MatchingRules rules(Set<String> targets) {
        RuleSet compiled = RuleCompiler.compile(catalog, targets, Analyzer::tokenizeEntry);
        return new MatchingRules(compiled, TriggerGate.of(compiled, PatternHints.NONE));
    }

    /** Registers an utterance of several pre-parsed sentences; returns its text. */
    private String utterance(String... taggedAndDeps) {
        List<FixtureSentence> sentences = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < taggedAndDeps.length; i += 2) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            FixtureSentence s = new FixtureSentence(text.length(), taggedAndDeps[i], taggedAndDeps[i + 1]);
            sentences.add(s);
            text.append(s.text());
        }
        fixtures.put(text.toString(), sentences);
        return text.toString();
    }

    private UtteranceResult classify(String text) {
        return engine.classify(rules(null), Utterance.of(text), false).result();
    }

    @Test
    void tokenRuleLabelsAndReportsWordsWithOffsets() {
        String text = utterance("I/I/PRP really/really/RB want/want/VBP to/to/TO cut/cut/VB down/down/RP ./././.", null);
        UtteranceResult r = classify(text);
        assertThat(r.label()).isEqualTo(Label.DESIRE);
        assertThat(r.direction()).isEqualTo(Direction.CHANGE);
        assertThat(r.kind()).isEqualTo(Kind.DESIRE);
        Evidence e = r.sentences().get(0).evidence().get(0);
        assertThat(e.rule()).isEqualTo("WANT_CHANGE");
        assertThat(e.text()).isEqualTo("I really want to cut down");
        assertThat(text.substring(e.begin(), e.end())).isEqualTo(e.text());
    }

    @Test
    void lexiconIncludesAndMultiWordEntriesMatch() {
        String text = utterance("I/I/PRP would/would/MD like/like/VB to/to/TO give/give/VB up/up/RP", null);
        assertThat(classify(text).label()).isEqualTo(Label.DESIRE);
    }

    @Test
    void vetoHoldsTheRuleBackAndTheDependencyRuleGivesSustain() {
        String text = utterance("I/I/PRP do/do/VBP n't/not/RB want/want/VB to/to/TO quit/quit/VB",
                "root:0:4 nsubj:4:1 aux:4:2 advmod:4:3 mark:6:5 xcomp:4:6");
        UtteranceResult r = classify(text);
        assertThat(r.label()).isEqualTo(Label.SUSTAIN);
        assertThat(r.kind()).isEqualTo(Kind.DESIRE);
        assertThat(r.sentences().get(0).decidedBy()).isEqualTo("NOT_WANT_CHANGE");
        assertThat(r.sentences().get(0).vetoed()).extracting(v -> v.rule() + " by " + v.by() + " on " + v.text())
                .containsExactly("WANT_CHANGE by unless[0] on n't");
    }

    @Test
    void sentenceWithoutADependencyRulesTriggerIsNeverParsed() {
        String text = utterance("I/I/PRP like/like/VBP the/the/DT weather/weather/NN", "root:0:2 nsubj:2:1 det:4:3 obj:2:4");
        assertThat(classify(text).label()).isEqualTo(Label.NEUTRAL);
        assertThat(analyzed.get(0).graphRequests()).isZero();
        // Every node NOT_WANT_CHANGE requires must have its word: "want" alone does not make a parse.
        assertThat(classify(utterance("I/I/PRP do/do/VBP want/want/VB to/to/TO quit/quit/VB",
                "root:0:3 nsubj:3:1 aux:3:2 mark:5:4 xcomp:3:5")).label()).isNotEqualTo(Label.SUSTAIN);
        assertThat(analyzed.get(1).graphRequests()).as("no negation: NOT_WANT_CHANGE cannot match").isZero();
        assertThat(classify(utterance("I/I/PRP do/do/VBP n't/not/RB want/want/VB to/to/TO quit/quit/VB",
                "root:0:4 nsubj:4:1 aux:4:2 advmod:4:3 mark:6:5 xcomp:4:6")).label()).isEqualTo(Label.SUSTAIN);
        assertThat(analyzed.get(2).graphRequests()).as("want, not and quit: NOT_WANT_CHANGE is tried").isEqualTo(1);
    }

    @Test
    void higherPriorityWinsWithinASentence() {
        String text = utterance("My/my/PRP$ wife/wife/NN wants/want/VBZ me/I/PRP to/to/TO quit/quit/VB", null);
        UtteranceResult r = classify(text);
        assertThat(r.label()).isEqualTo(Label.NEUTRAL);
        assertThat(r.sentences().get(0).decidedBy()).isEqualTo("OTHERS_WISH");
    }

    @Test
    void aRuleThatOverridesAnotherBeatsItsLongerMatchInTheSameBand() {
        String pack = """
                pack: overrides
                rules:
                  - id: WANT_TO_QUIT
                    kind: desire
                    direction: change
                    patterns:
                      - tokens: '[{word:/(?i)i/}] []{0,3} [{lemma:want}] []{0,2} [{lemma:quit}]'
                    examples: {match: [a, b], nomatch: [c]}
                  - id: NOT_WANT
                    kind: desire
                    direction: sustain
                    overrides: [WANT_TO_QUIT]
                    patterns:
                      - tokens: '[{lemma:not}] [{lemma:want}]'
                    examples: {match: [a, b], nomatch: [c]}
                """;
        String text = utterance("I/I/PRP do/do/VBP n't/not/RB want/want/VB to/to/TO quit/quit/VB", null);
        RuleSet overriding = RuleCompiler.compile(new RuleCatalog(List.of(PackParser.parse("o.yaml", pack)), Set.of()),
                null, Analyzer::tokenizeEntry);
        UtteranceResult r = engine.classify(plainRules(overriding), Utterance.of(text), false).result();
        assertThat(r.sentences().get(0).decidedBy()).isEqualTo("NOT_WANT");
        assertThat(r.label()).isEqualTo(Label.SUSTAIN);
        // Without the overrides line, the two are ranked by length: the longer match decides.
        RuleSet plain = RuleCompiler.compile(new RuleCatalog(List.of(PackParser.parse("o.yaml",
                pack.replace("    overrides: [WANT_TO_QUIT]\n", ""))), Set.of()), null, Analyzer::tokenizeEntry);
        assertThat(engine.classify(plainRules(plain), Utterance.of(text), false).result().sentences().get(0).decidedBy())
                .isEqualTo("WANT_TO_QUIT");
    }

    @Test
    void lastNonNeutralSentenceDecidesTheUtterance() {
        String text = utterance(
                "I/I/PRP want/want/VBP to/to/TO quit/quit/VB ./././.", null,
                "But/but/CC I/I/PRP ca/can/MD n't/not/RB stop/stop/VB ./././.", null,
                "Mm-hmm/mm-hmm/UH ./././.", null);
        UtteranceResult r = classify(text);
        assertThat(r.sentences()).extracting(s -> s.label().id()).containsExactly("desire", "sustain", "neutral");
        assertThat(r.label()).isEqualTo(Label.SUSTAIN);
        assertThat(r.kind()).isEqualTo(Kind.ABILITY);
    }

    @Test
    void contextRuleNeedsTheCounselorsQuestion() {
        String answer = utterance("Yes/yes/UH ,/,/, definitely/definitely/RB ./././.", null);
        String question = utterance("Do/do/VBP you/you/PRP want/want/VB to/to/TO quit/quit/VB ?/?/.", null);
        String otherQuestion = utterance("Did/do/VBD you/you/PRP drive/drive/VB here/here/RB ?/?/.", null);
        MatchingRules rules = rules(null);
        assertThat(engine.classify(rules, Utterance.answering(question, answer), false).result().label()).isEqualTo(Label.DESIRE);
        assertThat(engine.classify(rules, Utterance.answering(otherQuestion, answer), false).result().label()).isEqualTo(Label.NEUTRAL);
        assertThat(engine.classify(rules, Utterance.of(answer), false).result().label()).isEqualTo(Label.NEUTRAL);
    }

    @Test
    void counselorTurnsAreNotLabelled() {
        UtteranceResult r = engine.classify(rules(null),
                new Utterance("I want to quit", Speaker.COUNSELOR, List.of(Turn.client("hi")), null), false).result();
        assertThat(r.labelled()).isFalse();
        assertThat(r.sentences()).isEmpty();
        assertThat(analyzed).isEmpty();
    }

    @Test
    void targetSelectionChoosesTheLexicons() {
        String text = utterance("Drinking/drinking/NN helps/help/VBZ me/I/PRP relax/relax/VB", null);
        assertThat(engine.classify(rules(null), Utterance.of(text), false).result().label()).isEqualTo(Label.SUSTAIN);
        assertThat(engine.classify(rules(Set.of("alcohol")), Utterance.of(text), false).result().label()).isEqualTo(Label.SUSTAIN);
        assertThat(engine.classify(rules(Set.of("smoking")), Utterance.of(text), false).result().label()).isEqualTo(Label.NEUTRAL);
        assertThat(catalog.resolveTarget("reducing alcohol consumption")).isEqualTo("alcohol");
        assertThat(catalog.resolveTarget("Smoking")).isEqualTo("smoking");
        assertThat(catalog.resolveTarget("knitting")).isNull();
    }

    @Test
    void explainGivesAVerdictForEveryRule() {
        String text = utterance("I/I/PRP like/like/VBP the/the/DT weather/weather/NN", null);
        var explained = engine.classify(rules(null), Utterance.of(text), true).explained();
        assertThat(explained).hasSize(1);
        assertThat(explained.get(0).rules()).extracting(v -> v.rule()).containsExactlyInAnyOrder(
                "WANT_CHANGE", "NOT_WANT_CHANGE", "CANNOT_STOP", "OTHERS_WISH", "YES_TO_DESIRE", "BOOZE_TALK");
        assertThat(explained.get(0).rules()).filteredOn(v -> v.rule().equals("NOT_WANT_CHANGE"))
                .extracting(v -> v.outcome().name()).containsExactly("NOT_CANDIDATE");
    }

    @Test
    void blankTextIsNeutralWithoutAnalysis() {
        UtteranceResult r = classify("   ");
        assertThat(r.label()).isEqualTo(Label.NEUTRAL);
        assertThat(r.sentences()).isEmpty();
    }
}
