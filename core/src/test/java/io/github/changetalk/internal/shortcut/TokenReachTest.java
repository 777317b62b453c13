package io.github.changetalk.internal.shortcut;

import io.github.changetalk.internal.compile.StepBudget;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.compile.DefaultRules;
import io.github.changetalk.internal.compile.LazyTokenPattern;
import io.github.changetalk.internal.compile.LexiconPattern;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reach test finds the first match (start and end) exactly as TokensRegex does: for every construct it models, on hand-made patterns, and for every default rule
 * pattern on every testdata sentence where the pattern's trigger holds (the only place the engine asks it).
 */
class TokenReachTest {
    private static Analyzer analyzer;
    private static List<SentenceView> sentences;
    /** Matches the search handed back to TokensRegex (over its step budget, or not spannable). */
    private static int incomplete;

    @BeforeAll
    static void analyze() {
        analyzer = Analyzer.load(Analyzer.Options.DEFAULTS.withoutParser());
        sentences = new ArrayList<>(DefaultRules.testdataSentences(analyzer));
        // Run-on sentences longer than the reach test's masks, searched start by start.
        sentences.addAll(analyzer.analyze("so yeah, and then " + "um, you know, like, it was kind of a lot, ".repeat(8)
                + "and I really want to cut down on it, I mean I have to, and I would stop if I could"));
        sentences.addAll(analyzer.analyze("and " + "we went out and we had a few and ".repeat(10) + "that was it"));
    }

    @Test
    void everyModelledConstructAgreesWithTokensRegex() {
        Env env = TokenSequencePattern.getNewEnv();
        env.bind("$QUIT", LexiconPattern.of(new LinkedHashSet<>(List.of(List.of("quit"), List.of("stop"),
                List.of("cut", "down"), List.of("cut", "back"), List.of("give", "up")))));
        // Phrases sharing first words, first words that are one token's word and another's lemma
        // (went / go), endings of one, two and three words, and a prefix of a longer phrase (cut down /
        // cut down on): the lookup form must prefer the same alternative as TokensRegex does.
        env.bind("$PHRASES", LexiconPattern.of(new LinkedHashSet<>(List.of(List.of("go", "to", "meetings"),
                List.of("go", "to", "the", "gym"), List.of("go"), List.of("went", "to"), List.of("cut", "down"),
                List.of("cut", "down", "on"), List.of("cut", "back"), List.of("cut", "out"), List.of("give", "up"),
                List.of("give", "it", "up"), List.of("stop"), List.of("quit"), List.of("drinking")))));
        List<String> patterns = List.of(
                "$PHRASES",
                "[{word:/(?i)i/}] []{0,3} $PHRASES []{0,2} [{tag:/NN.*/}]",
                "$PHRASES [{word:/(?i)on|it|to/}]? []{0,1} $",
                "$PHRASES{2,}",
                "( $PHRASES | [{tag:/VB.*/}] ) [{tag:/TO|IN/}]",
                "[{word:/(?i)i/}] []{0,3} $QUIT",
                "^ []{0,2} [{lemma:want}]",
                "[{lemma:want}] []* $",
                "[{word:/(?i)i/}] [{lemma:/not|never/}]? [{lemma:want}] [{word:to}]? $QUIT",
                "( [{lemma:be}] [{word:/(?i)not/}] | [{word:/(?i)never/}] ) []{1,3} [{tag:/VB.*/}]",
                "[{tag:/PRP/}] ([{tag:/RB/}] | [{tag:/MD/}])+ [{tag:/VB.*/}]",
                "^ [{word:/(?i)yes|yeah|sure/}] [{tag:/[.,]/}]* $",
                "[!{tag:/[.,]/}]{2,} $QUIT [!{word:/(?i)smoking/}]",
                "( [{word:/(?i)i/}] | [{word:/(?i)we/}] [{word:/(?i)all/}]? ) [{lemma:/have|need/}] [{word:to}] []{0,2} $QUIT",
                "[{word:/(?i)and|but/}]{2}",
                "[{word:/,/}]{0,1} [{word:/(?i)maybe/}] $",
                "[{word:/(?i)i/}] []{0,6} [{tag:/VB.*/}]",
                "[{word:/(?i)i/}] []{0,6}? [{tag:/VB.*/}]",
                "[{tag:/VB.*/}] []*? [{tag:/NN.*/}]",
                "[{tag:/DT|JJ|NN.*/}]+",
                "[{tag:/DT|JJ|NN.*/}]+? [{tag:/NN.*/}]",
                "( [{tag:/RB/}] | [{tag:/RB/}] [{tag:/RB/}] ) [{tag:/VB.*/}]?",
                "( [{tag:/PRP/}] [{tag:/VB.*/}] | [{tag:/PRP/}] ) []{0,2}");
        int matched = 0;
        int compared = 0;
        for (String text : patterns) {
            LazyTokenPattern parsed = LazyTokenPattern.parse(env, text);
            TokenReach reach = TokenReach.of(parsed.expr()).orElseThrow(() -> new AssertionError("not modelled: " + text));
            if (text.equals("$PHRASES")) {
                assertThat(reach.looksUpWords()).as("a lexicon is looked up by word, not tried alternative by alternative").isTrue();
            }
            TokenSequencePattern p = parsed.get();
            for (SentenceView s : sentences) {
                boolean expected = p.getMatcher(s.tokens()).find();
                if (s.tokens().size() <= TokenReach.MAX_TOKENS) {
                    assertThat(reach.matches(s.tokens())).as(text + " on: " + words(s)).isEqualTo(expected);
                }
                assertThat(found(p, reach, s)).as(text + " on: " + words(s)).isEqualTo(expectedMatch(p, s));
                matched += expected ? 1 : 0;
                compared++;
            }
        }
        // Both answers occur often enough for the agreement to mean something.
        assertThat(matched).isGreaterThan(500);
        assertThat(compared - matched).isGreaterThan(5000);
    }

    @Test
    void everyDefaultRulePatternAgreesWithTokensRegexOnTheTestdataCorpus() {
        incomplete = 0;
        RuleSet rules = DefaultRules.compiled();
        TriggerGate gate = TriggerGate.of(rules, PatternHints.NONE);
        Map<LazyTokenPattern, CompiledPattern.Tokens> distinct = new IdentityHashMap<>();
        Map<LazyTokenPattern, Trigger> triggers = new IdentityHashMap<>();
        Map<LazyTokenPattern, TokenReach> models = new IdentityHashMap<>();
        int unmodelled = 0;
        for (int r = 0; r < rules.rules().size(); r++) {
            List<CompiledPattern> slots = rules.rules().get(r).allPatterns();
            for (int slot = 0; slot < slots.size(); slot++) {
                if (slots.get(slot) instanceof CompiledPattern.Tokens t && distinct.putIfAbsent(t.source(), t) == null) {
                    triggers.put(t.source(), gate.trigger(r, slot));
                    TokenReach.of(t.source().expr()).ifPresent(m -> models.put(t.source(), m));
                    unmodelled += models.containsKey(t.source()) ? 0 : 1;
                }
            }
        }
        assertThat(distinct).hasSizeGreaterThan(100);
        // Gated matching over the whole corpus never needs TokensRegex's automaton for these patterns.
        for (SentenceView s : sentences) {
            TriggerGate.Screen screen = gate.screen(s);
            for (int r = 0; r < rules.rules().size(); r++) {
                List<CompiledPattern> slots = rules.rules().get(r).allPatterns();
                for (int slot = 0; slot < slots.size(); slot++) {
                    if (slots.get(slot) instanceof CompiledPattern.Tokens t) {
                        screen.find(t, r, slot, new StepBudget(2_000_000L));
                    }
                }
            }
        }
        assertThat(distinct.values()).noneMatch(t -> t.source().isBuilt());
        // What the default packs use is modelled (else matching falls back to TokensRegex and slows down).
        assertThat(unmodelled).as("token patterns the reach test does not model").isZero();
        int agreedMatch = 0;
        int agreedNoMatch = 0;
        for (SentenceView s : sentences) {
            Set<String> keys = KeySets.of(s.tokens());
            for (CompiledPattern.Tokens t : distinct.values()) {
                if (!triggers.get(t.source()).satisfiedBy(keys)) {
                    continue;
                }
                String expectedMatch = expectedMatch(t.pattern(), s);
                boolean expected = expectedMatch != null;
                assertThat(found(t.pattern(), models.get(t.source()), s)).as(t.spec().text() + " on: " + words(s)).isEqualTo(expectedMatch);
                if (expected) {
                    agreedMatch++;
                } else {
                    agreedNoMatch++;
                }
            }
        }
        assertThat(agreedMatch).isGreaterThan(1000);
        // The default packs' matches are all worked out without TokensRegex.
        assertThat(incomplete).isZero();
        assertThat(agreedNoMatch).isGreaterThan(agreedMatch);
    }

    @Test
    void patternsThatCanMatchNothingOrUseOtherConstructsAreLeftToTokensRegex() {
        Env env = TokenSequencePattern.getNewEnv();
        assertThat(TokenReach.of(LazyTokenPattern.parse(env, "[{word:x}]?").expr())).isEmpty();
        assertThat(TokenReach.of(LazyTokenPattern.parse(env, "[]*").expr())).isEmpty();
        assertThat(TokenReach.of(LazyTokenPattern.parse(env, "([{word:x}]) []* \\1").expr())).isEmpty();
        assertThat(TokenReach.of(LazyTokenPattern.parse(env, "[{word:x}] & [{tag:NN}]").expr())).isEmpty();
        assertThat(TokenReach.of(LazyTokenPattern.parse(env, "^ [{word:x}] $").expr())).isPresent();
    }

    /** TokensRegex's first match as "start-end", or null. */
    private static String expectedMatch(TokenSequencePattern p, SentenceView s) {
        var m = p.getMatcher(s.tokens());
        return m.find() ? m.start() + "-" + m.end() : null;
    }

    /**
     * The first match as "start-end", or null, found as the engine finds it: by the reach test, and by
     * TokensRegex from the reach test's start when the search did not work the match out (counted).
     */
    private static String found(TokenSequencePattern p, TokenReach reach, SentenceView s) {
        TokenReach.Hit hit = reach.firstMatch(s.tokens());
        if (hit == null) {
            return null;
        }
        if (s.tokens().size() <= TokenReach.MAX_TOKENS) {
            assertThat(hit.start()).isEqualTo(reach.firstStart(s.tokens()));
        }
        if (hit.complete()) {
            return hit.start() + "-" + hit.end();
        }
        incomplete++;
        var m = p.getMatcher(s.tokens());
        return m.find(hit.start()) ? m.start() + "-" + m.end() : null;
    }

    private static String words(SentenceView s) {
        StringBuilder b = new StringBuilder();
        s.tokens().forEach(t -> b.append(t.word()).append(' '));
        return b.toString().strip();
    }

    @Test
    void longSentencesAreSearchedStartByStart() {
        LazyTokenPattern parsed = LazyTokenPattern.parse(TokenSequencePattern.getNewEnv(),
                "[{word:/(?i)i/}] []{0,3} [{lemma:/want|have/}] []{0,3} [{lemma:/cut|stop|quit/}]");
        TokenReach reach = TokenReach.of(parsed.expr()).orElseThrow();
        TokenSequencePattern p = parsed.get();
        List<SentenceView> longOnes = sentences.stream().filter(s -> s.tokens().size() > TokenReach.MAX_TOKENS).toList();
        assertThat(longOnes).isNotEmpty();
        int matched = 0;
        for (SentenceView s : longOnes) {
            String expected = expectedMatch(p, s);
            assertThat(found(p, reach, s)).as(words(s)).isEqualTo(expected);
            matched += expected == null ? 0 : 1;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reach.firstStart(s.tokens()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(matched).isPositive();
    }
}
