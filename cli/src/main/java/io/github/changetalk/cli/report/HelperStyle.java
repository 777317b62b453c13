package io.github.changetalk.cli.report;

import java.util.Locale;

/**
 * How a coded counselor turn is drawn: {@code inconsistent} (MI-inconsistent, whatever its code),
 * {@code reflection}, {@code question} or {@code other}, from its behaviour, else its MISC code.
 */
final class HelperStyle {
    private HelperStyle() {
    }

    static String of(SessionView.HelperCode h) {
        if (h.miInconsistent()) {
            return "inconsistent";
        }
        String behaviour = h.behaviour() == null ? "" : h.behaviour().strip().toLowerCase(Locale.ROOT);
        String code = h.code() == null ? "" : h.code().strip().toUpperCase(Locale.ROOT);
        if (behaviour.equals("reflection") || code.equals("SR") || code.equals("CR")) {
            return "reflection";
        }
        if (behaviour.equals("question") || code.equals("OQ") || code.equals("CQ")) {
            return "question";
        }
        return "other";
    }
}
