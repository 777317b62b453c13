package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.changetalk.internal.nlp.Analyzer;
import org.junit.jupiter.api.Test;

/** A classifier whose rules are all lexical never builds the (slow, 300 MB) dependency parser. */
class ParserConstructionTest {
    private static final String TOKEN_ONLY = """
            pack: token-only
            lexicons:
              QUIT: [quit, stop, cut down]
            rules:
              - id: TOKEN_WANT_QUIT
                kind: desire
                direction: change
                patterns:
                  - tokens: '[{word:/(?i)i/}] []{0,3} [{lemma:want}] []{0,2} $QUIT'
                examples:
                  match: ["I want to quit.", "i really want to cut down"]
                  nomatch: ["She wants to quit."]
            """;

    @Test
    void tokenOnlyPackNeverConstructsTheParser() {
        int before = Analyzer.parserLoads();
        Classifier classifier = Classifier.builder().noDefaultRules().addRules("token-only.yaml", TOKEN_ONLY).build();
        assertThat(classifier.usesDependencyParser()).isFalse();
        for (String text : TestCorpus.utterances().subList(0, 200)) {
            classifier.classify(text);
        }
        UtteranceResult r = classifier.classify("I really want to quit, honestly.");
        assertThat(r.label()).isEqualTo(Label.DESIRE);
        assertThat(r.sentences()).allSatisfy(s -> assertThat(s.parsed()).isFalse());
        assertThat(classifier.checkExamples()).allSatisfy(c -> assertThat(c.passed()).as(c.toString()).isTrue());
        assertThat(classifier.explain("I want to quit.").sentences().get(0).dependencies()).isNull();
        assertThat(Analyzer.parserLoads()).isEqualTo(before);
    }
}
