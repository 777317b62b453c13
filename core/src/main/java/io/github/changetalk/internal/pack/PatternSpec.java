package io.github.changetalk.internal.pack;

/**
 * A pattern as written in a pack. {@code text} is what the compiler reads: the written pattern on one
 * line without comments ({@link PatternText}), and once the catalog has expanded them, without macros.
 * {@code written} is the pattern as the pack has it, for documentation. {@code slot} names it in
 * explanations, e.g. {@code patterns[0]}.
 */
public record PatternSpec(PatternType type, String text, GraphKind graph, int line, String slot, String written) {
    /** The same pattern with the text the compiler reads replaced (macros expanded). */
    public PatternSpec withText(String expanded) {
        return new PatternSpec(type, expanded, graph, line, slot, written);
    }
}
