package io.github.changetalk.internal.pack;

/**
 * An example sentence of a rule; {@code context} is an optional preceding counselor turn and
 * {@code target} an optional target behaviour (a name or topic) the sentence is classified under.
 */
public record ExampleSpec(String text, String context, boolean match, int line, String target) {
    /** An example classified under the default targets. */
    public ExampleSpec(String text, String context, boolean match, int line) {
        this(text, context, match, line, null);
    }
}
