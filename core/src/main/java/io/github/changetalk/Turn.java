package io.github.changetalk;

import java.util.Objects;

/**
 * One turn of a conversation. A counselor turn may carry its {@link CounselorCoding}, once classified, so
 * that the client turn after it reads that coding from its context instead of coding the turn again
 * ({@link ContextWindow#coded}); {@code coding} is null otherwise, and always for client turns.
 */
public record Turn(Speaker speaker, String text, CounselorCoding coding) {
    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        if (coding != null && speaker != Speaker.COUNSELOR) {
            throw new IllegalArgumentException("only a counselor turn carries a counselor coding");
        }
    }

    /** A turn with no coding attached. */
    public Turn(Speaker speaker, String text) {
        this(speaker, text, null);
    }

    public static Turn client(String text) {
        return new Turn(Speaker.CLIENT, text);
    }

    public static Turn counselor(String text) {
        return new Turn(Speaker.COUNSELOR, text);
    }

    /** A counselor turn with its coding (from {@link UtteranceResult#coding()}). */
    public static Turn counselor(String text, CounselorCoding coding) {
        return new Turn(Speaker.COUNSELOR, text, coding);
    }
}
