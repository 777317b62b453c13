package io.github.changetalk;

/**
 * A rule whose pattern matched but that an {@code unless:} pattern vetoed. {@code text}, {@code begin}
 * and {@code end} are the words the veto matched; {@code by} names the veto pattern, e.g. {@code unless[0]}.
 */
public record Veto(String rule, String by, String text, int begin, int end) {
}
