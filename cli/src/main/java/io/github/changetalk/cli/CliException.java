package io.github.changetalk.cli;

/**
 * A failure the user can act on: printed as one line on stderr (no stack trace) and turned into the
 * exit status. {@code exitCode} is 1 for processing failures and 2 for usage errors and bad rule packs
 * (and 0 for a {@link #quietStop}).
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(oneLine(message));
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.exitCode = exitCode;
    }

    /**
     * Messages quote input (column names, field values) that may hold line breaks or control
     * characters; shown as escapes, they cannot break the one-line promise or the terminal.
     */
    static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * Stops the run with exit 0 and no message: the reader of the output went away ({@code | head}), so
     * there is nobody left to write for, and nothing went wrong (see {@link LostOutput}).
     */
    public static CliException quietStop() {
        return new CliException(0, "the reader closed the output");
    }

    /** Whether this is a {@link #quietStop}. */
    public boolean quiet() {
        return exitCode == 0;
    }
}
