package io.github.changetalk.internal.compile;

/** A pattern's match on one sentence ran past its time limit (or recursed too deeply) and was stopped. */
public final class MatchLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MatchLimitException() {
        super(null, null, false, false); // thrown on a hot path: no stack trace
    }
}
