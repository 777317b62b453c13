package io.github.changetalk;

/**
 * One rule that fired on a sentence: the rule, what it says, and the words it matched, with character
 * offsets into the utterance text ({@code begin} inclusive, {@code end} exclusive). {@code pattern}
 * names the pattern that matched, e.g. {@code patterns[1]}; {@code priority} is the {@link Band#rank rank} of
 * the rule's precedence band.
 */
public record Evidence(String rule, Label label, Direction direction, Kind kind, int priority,
                       String pattern, String text, int begin, int end) {
}
