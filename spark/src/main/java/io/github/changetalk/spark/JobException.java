package io.github.changetalk.spark;

/**
 * A failure the user can act on: one line on stderr, no stack trace, and the exit status the command
 * line uses (1 when processing failed, 2 for a usage error or a broken rule pack).
 */
final class JobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final int FAILED = 1;
    static final int USAGE = 2;

    private final int exitCode;

    JobException(int exitCode, String message) {
        super(oneLine(message));
        this.exitCode = exitCode;
    }

    JobException(int exitCode, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /** Line breaks and control characters (from file names or values quoted in a message) as escapes. */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(message.length());
        message.strip().codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
