package io.github.changetalk.internal.pack;

/** A pattern as written in a pack. {@code slot} names it in explanations, e.g. {@code patterns[0]}. */
public record PatternSpec(PatternType type, String text, GraphKind graph, int line, String slot) {
}
