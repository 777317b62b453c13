package io.github.changetalk;

import java.util.Objects;

/**
 * One turn of a conversation. {@code label} is the label a client turn was given, when known (a
 * transcript classified turn by turn records it, see {@link ContextWindow#labelLast}): the evidence
 * weights read the client's previous turn's label as context. Null for counselor turns and when unknown.
 */
public record Turn(Speaker speaker, String text, Label label) {
    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }

    /** A turn with no label known. */
    public Turn(Speaker speaker, String text) {
        this(speaker, text, null);
    }

    public static Turn client(String text) {
        return new Turn(Speaker.CLIENT, text);
    }

    /** A client turn and the label it was given. */
    public static Turn client(String text, Label label) {
        return new Turn(Speaker.CLIENT, text, label);
    }

    public static Turn counselor(String text) {
        return new Turn(Speaker.COUNSELOR, text);
    }

    public Turn withLabel(Label newLabel) {
        return new Turn(speaker, text, newLabel);
    }
}
