package io.github.changetalk;

import java.util.Objects;

/** One turn of a conversation. */
public record Turn(Speaker speaker, String text) {
    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }

    public static Turn client(String text) {
        return new Turn(Speaker.CLIENT, text);
    }

    public static Turn counselor(String text) {
        return new Turn(Speaker.COUNSELOR, text);
    }
}
