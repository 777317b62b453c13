package io.github.changetalk.internal.pack;

/**
 * A named token-pattern fragment ({@code I: '[{word:/(?i)i/}]'}), written in token patterns as
 * {@code $I}. {@code text} is the fragment as the compiler reads it (comments stripped, lines joined),
 * {@code written} as the pack has it. Macros share the {@code $NAME} space with lexicons.
 */
public record MacroSpec(String source, String name, int line, String text, String written) {
}
