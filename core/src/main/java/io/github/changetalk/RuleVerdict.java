package io.github.changetalk;

/** What one rule did with one sentence, for {@link Classifier#explain}. */
public record RuleVerdict(String rule, Outcome outcome, String detail) {
    public enum Outcome {
        /** A pattern matched and no veto applied: the rule is evidence. */
        MATCHED,
        /** A pattern matched but an {@code unless:} pattern vetoed it. */
        VETOED,
        /** A pattern matched but the preceding counselor turn did not match the rule's {@code context:}. */
        NO_CONTEXT,
        /** The rule was tried and did not match. */
        NO_MATCH,
        /** The sentence lacks every trigger word of the rule, so it was not tried. */
        NOT_CANDIDATE
    }
}
