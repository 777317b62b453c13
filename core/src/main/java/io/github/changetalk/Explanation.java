package io.github.changetalk;

import java.util.List;

/**
 * Everything the classifier saw and did for one utterance: per sentence, its tokens, its basic
 * dependency graph (one relation per line, e.g. {@code nsubj(want-2, I-1)}; null when not parsed),
 * and a verdict for every loaded rule. {@code result} is the same as {@link Classifier#classify}.
 */
public record Explanation(UtteranceResult result, List<Sentence> sentences) {
    public Explanation {
        sentences = List.copyOf(sentences);
    }

    public record Sentence(String text, List<TokenInfo> tokens, String dependencies, List<RuleVerdict> rules) {
        public Sentence {
            tokens = List.copyOf(tokens);
            rules = List.copyOf(rules);
        }
    }
}
