package io.github.changetalk.internal.shortcut;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.github.changetalk.internal.compile.DefaultRules;
import io.github.changetalk.internal.match.MatchingRules;
import io.github.changetalk.internal.match.RuleMatcher;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.SentenceView;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A sentence is left untagged only when no rule could match it, judged from its words and their lemmas
 * under every tag before tagging. That is exact only if those possible keys cover the keys the tagged
 * sentence has, and if the rule set's check is sound; both are checked here on every testdata sentence.
 */
class UntaggedSentenceTest {
    private static TriggerGate rules;
    private static Analyzer analyzer;
    private static List<SentenceView> sentences;

    @BeforeAll
    static void load() {
        rules = TriggerGate.of(DefaultRules.compiled().of(io.github.changetalk.Speaker.CLIENT), PatternHints.NONE); // client text
        analyzer = Analyzer.load(Analyzer.Options.DEFAULTS.withoutParser());
        sentences = DefaultRules.testdataSentences(analyzer);
    }

    @Test
    void possibleKeysCoverTheKeysOfTheTaggedSentence() {
        assertThat(sentences).hasSizeGreaterThan(2000);
        for (SentenceView s : sentences) {
            // possible() reads only each token's word, so the tagged tokens stand for the untagged ones.
            Set<String> missing = new HashSet<>(KeySets.of(s.tokens()));
            missing.removeAll(KeySets.possible(s.tokens()));
            assertThat(missing).as(text(s)).isEmpty();
        }
    }

    @Test
    void noRuleMatchesASentenceTheRuleSetSaysNoRuleCould() {
        int ruledOut = 0;
        for (SentenceView s : sentences) {
            if (!rules.couldMatch(s.tokens(), false)) {
                ruledOut++;
                var m = new MatchingRules(rules.rules(), rules).matcher(List::of, text(s), false, RuleMatcher.DEFAULT_STEP_LIMIT).match(s);
                assertThat(m.matches()).as(text(s)).isEmpty();
                assertThat(m.vetoes()).as(text(s)).isEmpty();
            }
        }
        // The check is worth having only if it rules some real sentences out.
        assertThat(ruledOut).isGreaterThan(20);
    }

    @Test
    void whileTheTaggerLoadsOnlyTheSentencesNoRuleCouldMatchAreLeftUntagged() throws Exception {
        CompletableFuture<StanfordCoreNLP> loadsLater = new CompletableFuture<>();
        Analyzer loading = new Analyzer(Analyzer.Options.DEFAULTS.withoutParser(), loadsLater, null);
        Predicate<List<CoreLabel>> needsTags = tokens -> rules.couldMatch(tokens, false);
        // Tagging the second sentence waits for the tagger, which arrives while the call waits.
        CompletableFuture<List<SentenceView>> call = CompletableFuture.supplyAsync(
                () -> loading.analyze("We talked about the weather. I want to quit.", needsTags));
        Thread.sleep(200);
        assertThat(call).isNotDone();
        loadsLater.complete(taggerOf(analyzer));
        List<SentenceView> out = call.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).tagged()).isFalse();
        assertThat(out.get(0).tokens().get(0).tag()).isNull();
        assertThat(out.get(1).tagged()).isTrue();
        assertThat(out.get(1).tokens().get(0).tag()).isEqualTo("PRP");
        // Loaded: everything is tagged, whatever the caller says.
        assertThat(loading.analyze("We talked about the weather.", needsTags)).allMatch(SentenceView::tagged);
    }

    @Test
    void aTextNoRuleCouldMatchDoesNotWaitForTheTagger() {
        CompletableFuture<StanfordCoreNLP> neverLoads = new CompletableFuture<>();
        Analyzer loading = new Analyzer(Analyzer.Options.DEFAULTS.withoutParser(), neverLoads, null);
        Predicate<List<CoreLabel>> needsTags = tokens -> rules.couldMatch(tokens, false);
        List<SentenceView> out = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> loading.analyze("The bus was late. We talked about the weather.", needsTags));
        assertThat(out).hasSize(2).noneMatch(SentenceView::tagged);
    }

    /** The tagging pipeline an analyzer loaded (CoreNLP shares loaded annotators, so this loads nothing new). */
    private static StanfordCoreNLP taggerOf(Analyzer loaded) {
        loaded.awaitTagger();
        return Analyzer.loadTaggerInBackground().join();
    }

    private static String text(SentenceView s) {
        StringBuilder b = new StringBuilder();
        for (CoreLabel t : s.tokens()) {
            b.append(b.isEmpty() ? "" : " ").append(t.word());
        }
        return b.toString();
    }
}
