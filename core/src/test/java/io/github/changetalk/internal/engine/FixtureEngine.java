package io.github.changetalk.internal.engine;

import io.github.changetalk.internal.match.RuleMatcher;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.List;
import java.util.function.Function;

/** An {@link Engine} over pre-parsed sentences ({@link FixtureSentence}), for tests that need no language models. */
final class FixtureEngine {
    private FixtureEngine() {
    }

    /** An engine that analyzes a text into the sentences {@code sentences} gives for it, with the default limits. */
    static Engine over(Function<String, List<SentenceView>> sentences) {
        return new Engine((text, needsTags) -> sentences.apply(text), 100_000, RuleMatcher.DEFAULT_STEP_LIMIT);
    }
}
