package io.github.changetalk;

/**
 * The outcome of one example of one rule. A {@code match} example passes when the rule fires (not
 * vetoed) and its sentence gets the rule's label; a {@code nomatch} example passes when the rule does
 * not fire. {@code problem} says what happened instead (null when passed).
 */
public record ExampleCheck(String rule, String source, int line, String text, String context,
                           boolean expectMatch, boolean passed, String problem) {
}
