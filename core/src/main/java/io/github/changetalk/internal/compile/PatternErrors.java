package io.github.changetalk.internal.compile;

/** Makes CoreNLP's multi-line, nested parse errors into one readable line. */
final class PatternErrors {
    private PatternErrors() {
    }

    static String message(Throwable e) {
        Throwable root = e;
        String best = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            root = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
        }
        if (best == null) {
            best = root.getClass().getSimpleName();
        }
        String[] lines = best.strip().split("\\R");
        StringBuilder b = new StringBuilder(lines[0].strip());
        // JavaCC puts "Was expecting one of:" on later lines; the first line says where it choked.
        if (b.length() > 300) {
            b.setLength(300);
            b.append('…');
        }
        return b.toString();
    }
}
