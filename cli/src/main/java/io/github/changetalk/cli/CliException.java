package io.github.changetalk.cli;

/**
 * A failure the user can act on: printed as one line on stderr (no stack trace) and turned into the
 * exit status. {@code exitCode} is 1 for processing failures and 2 for usage errors and bad rule packs.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
