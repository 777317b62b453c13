package io.github.changetalk.internal.weights;

/**
 * A weights file that cannot be read. The message is one line naming the file and the line:
 * {@code weights.yaml:14: feature 'X' has 2 weights, but there are 3 classes}. An
 * {@link IllegalArgumentException}, as a bad argument to the builder is.
 */
public final class WeightsFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public WeightsFileException(String source, int line, String detail) {
        super(source + (line > 0 ? ":" + line : "") + ": " + detail.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }
}
