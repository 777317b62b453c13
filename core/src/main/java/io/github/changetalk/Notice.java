package io.github.changetalk;

/**
 * Something the classifier could not do fully for a sentence or utterance, such as
 * {@code not-parsed} (too long for the dependency parser) or {@code truncated}. The result is still
 * given; the notice says what it rests on.
 */
public record Notice(String code, String detail) {
}
