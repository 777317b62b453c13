package io.github.changetalk.cli.report;

/**
 * Escaping for HTML text and attribute values (also valid inside inline SVG). Every string that comes
 * from input, rules or file names goes through {@link #escape} before it reaches a page: markup
 * characters become entities, and characters a page should never carry (C0 and C1 controls other than
 * tab and line feed, unpaired surrogates, U+FFFE/U+FFFF) become U+FFFD, as in the text output.
 */
public final class Html {
    private Html() {
    }

    /** {@code s} escaped for text and for double- or single-quoted attribute values; null gives "". */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> unsafe(s, i) ? "\uFFFD" : null;
            };
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** A control character, an unpaired surrogate, or a noncharacter U+FFFE/U+FFFF at {@code i}. */
    private static boolean unsafe(String s, int i) {
        char c = s.charAt(i);
        if (c == '\t' || c == '\n') {
            return false;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
