package io.github.changetalk.internal.pack;

/** An example sentence of a rule; {@code context} is an optional preceding counselor turn. */
public record ExampleSpec(String text, String context, boolean match, int line) {
}
