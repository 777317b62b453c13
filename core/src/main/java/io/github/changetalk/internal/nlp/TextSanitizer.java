package io.github.changetalk.internal.nlp;

/**
 * Makes arbitrary text safe to analyze without moving any character: control characters (NUL and the
 * like, but not tab or line breaks) and unpaired surrogates become spaces, one for one, so character
 * offsets in results still point into the caller's original text.
 */
public final class TextSanitizer {
    private TextSanitizer() {
    }

    public static String sanitize(String text) {
        StringBuilder b = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1));
                if (!bad) {
                    if (b != null) {
                        b.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            } else {
                bad = (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || c == '\uFEFF';
            }
            if (bad && b == null) {
                b = new StringBuilder(n);
                b.append(text, 0, i);
            }
            if (b != null) {
                b.append(bad ? ' ' : c);
            }
        }
        return b == null ? text : b.toString();
    }
}
