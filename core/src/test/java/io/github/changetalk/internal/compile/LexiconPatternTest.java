package io.github.changetalk.internal.compile;

import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.shortcut.Trigger;
import io.github.changetalk.internal.shortcut.TriggerExtractor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lexicon bound as a word-set expression matches exactly what the equivalent regex text matched
 * (word or lemma equal to an entry word, ignoring case; multi-word entries in sequence), and its
 * trigger is the entry words.
 */
class LexiconPatternTest {
    private static final List<List<String>> ENTRIES = List.of(List.of("quit"), List.of("stop"), List.of("cut", "down"),
            List.of("cut", "back"), List.of("give", "up"), List.of("wan", "na"), List.of("get", "some", "help"), List.of("got", "ta"),
            List.of("get", "help"));
    private static final List<String> SENTENCES = List.of("I really want to QUIT.", "i wanna cut down on it",
            "He stopped, then cut back and gave it up.", "Cutting down is hard.", "I cut the cake down the middle.",
            "Nothing here at all.", "I quit quitting; I gave up giving up.", "I gotta get help, I got some help before.",
            "Getting help got me sober.");

    @Test
    void wordSetLexiconMatchesLikeTheRegexText() {
        Set<List<String>> entries = new LinkedHashSet<>(ENTRIES);
        Env bySet = TokenSequencePattern.getNewEnv();
        bySet.bind("$LEX", LexiconPattern.of(entries));
        Env byRegex = TokenSequencePattern.getNewEnv();
        byRegex.bind("$LEX", TokenSequencePattern.compile(byRegex,
                "[{word:/(?i)(?:quit|stop)/} | {lemma:/(?i)(?:quit|stop)/}]"
                        + " | ([{word:/(?i)cut/} | {lemma:/(?i)cut/}] [{word:/(?i)down/} | {lemma:/(?i)down/}])"
                        + " | ([{word:/(?i)cut/} | {lemma:/(?i)cut/}] [{word:/(?i)back/} | {lemma:/(?i)back/}])"
                        + " | ([{word:/(?i)give/} | {lemma:/(?i)give/}] [{word:/(?i)up/} | {lemma:/(?i)up/}])"
                        + " | ([{word:/(?i)wan/} | {lemma:/(?i)wan/}] [{word:/(?i)na/} | {lemma:/(?i)na/}])"
                        + " | ([{word:/(?i)get/} | {lemma:/(?i)get/}] [{word:/(?i)some/} | {lemma:/(?i)some/}]"
                        + " [{word:/(?i)help/} | {lemma:/(?i)help/}])"
                        + " | ([{word:/(?i)got/} | {lemma:/(?i)got/}] [{word:/(?i)ta/} | {lemma:/(?i)ta/}])"
                        + " | ([{word:/(?i)get/} | {lemma:/(?i)get/}] [{word:/(?i)help/} | {lemma:/(?i)help/}])"));
        Analyzer analyzer = Analyzer.load(Analyzer.Options.DEFAULTS.withoutParser());
        int matched = 0;
        for (String pattern : List.of("[]{0,2} $LEX", "$LEX", "$LEX [{word:/(?i)me|before|,/}]", "[{word:/(?i)i/}] $LEX")) {
            TokenSequencePattern a = TokenSequencePattern.compile(bySet, pattern);
            TokenSequencePattern b = TokenSequencePattern.compile(byRegex, pattern);
            for (String s : SENTENCES) {
                for (SentenceView v : analyzer.analyze(s)) {
                    List<String> spansA = spans(a.getMatcher(v.tokens()));
                    assertThat(spansA).as(pattern + " on " + s).isEqualTo(spans(b.getMatcher(v.tokens())));
                    matched += spansA.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(matched).isGreaterThanOrEqualTo(15);
        Trigger t = TriggerExtractor.ofTokens(LazyTokenPattern.parse(bySet, "[{word:/(?i)i/}] []{0,3} $LEX").expr(),
                new java.util.HashMap<>());
        assertThat(t.toString()).contains("lemma:quit", "word:stop", "word:cut", "lemma:give", "word:wan", "word:got").contains(" and ");
    }

    /**
     * A multi-word lexicon inside an unbounded repeat, on a long run of fillers, stays cheap: TokensRegex
     * condenses the alternation's branches. (A version that bound such lexicons as one multi-token node
     * went exponential here: ten minutes for one 41-word sentence before the step limit stopped it.)
     */
    @Test
    void multiWordLexiconUnderARepeatStaysLinear() {
        Env env = TokenSequencePattern.getNewEnv();
        env.bind("$FILLER", LexiconPattern.of(new LinkedHashSet<>(List.of(List.of("um"), List.of("yeah"), List.of("okay"),
                List.of("i", "mean"), List.of("you", "know"), List.of("like")))));
        env.bind("$AGREE", LexiconPattern.of(new LinkedHashSet<>(List.of(List.of("exactly"), List.of("i", "do"),
                List.of("for", "sure")))));
        TokenSequencePattern p = TokenSequencePattern.compile(env, "^ ( $FILLER | [{tag:/[.,:]/}] )* $AGREE ( $AGREE | $FILLER | [{tag:/[.,:]/}] )* $");
        String fillers = "Yeah, um, I mean, like, okay, you know, ".repeat(8) + "yeah.";
        Analyzer analyzer = Analyzer.load(Analyzer.Options.DEFAULTS.withoutParser());
        for (SentenceView v : analyzer.analyze(fillers)) {
            assertThat(v.tokens().size()).isGreaterThan(60);
            // Throws MatchLimitException if the matcher reads more than this many tokens.
            assertThat(p.getMatcher(new BoundedTokens(v.tokens(), 200_000)).find()).isFalse();
        }
        for (SentenceView v : analyzer.analyze("Um, yeah, I mean, I do, for sure.")) {
            assertThat(p.getMatcher(new BoundedTokens(v.tokens(), 200_000)).find()).isTrue();
        }
    }

    private static List<String> spans(TokenSequenceMatcher m) {
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.start() + "-" + m.end());
        }
        return out;
    }
}
