package io.github.changetalk.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreLabel;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The analyses handed on: a full analysis a caller is done with serves the next full analysis of that text, once. */
class HandedOnTest {
    /** Counts the analyses it makes; each is a new list, so a handed-on one is told apart by identity. */
    private static final class Counting implements Engine.Analysis {
        final List<String> made = new ArrayList<>();

        @Override
        public List<SentenceView> analyze(String text, Predicate<List<CoreLabel>> needsTags) {
            made.add(text + (needsTags == null ? "" : " (gated)"));
            return new ArrayList<>(List.of(new FixtureSentence(0, "Okay/okay/UH", "root:0:1")));
        }
    }

    @Test
    void aFullAnalysisIsHandedToTheNextFullAnalysisOfTheSameTextOnce() {
        Counting plain = new Counting();
        HandedOn handed = new HandedOn(plain, 2);
        List<SentenceView> coded = handed.analyze("Okay.", null);
        handed.done("Okay.", coded);
        assertThat(handed.analyze("Okay.", tokens -> true)).as("a gated analysis is not served").isNotSameAs(coded);
        assertThat(handed.analyze("Okay.", null)).as("handed on").isSameAs(coded);
        assertThat(handed.analyze("Okay.", null)).as("to one caller only").isNotSameAs(coded);
        assertThat(plain.made).containsExactly("Okay.", "Okay. (gated)", "Okay.");
    }

    @Test
    void onlyTheLastFewAreKept() {
        Counting plain = new Counting();
        HandedOn handed = new HandedOn(plain, 2);
        List<SentenceView> first = handed.analyze("One.", null);
        handed.done("One.", first);
        handed.done("Two.", handed.analyze("Two.", null));
        handed.done("Three.", handed.analyze("Three.", null));
        assertThat(handed.analyze("One.", null)).as("the oldest was dropped").isNotSameAs(first);
        assertThat(plain.made).containsExactly("One.", "Two.", "Three.", "One.");
        handed.analyze("Two.", null);
        handed.analyze("Three.", null);
        assertThat(plain.made).as("the two last kept were handed on").hasSize(4);
    }
}
