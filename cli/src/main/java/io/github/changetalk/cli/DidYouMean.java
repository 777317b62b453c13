package io.github.changetalk.cli;

import io.github.changetalk.internal.pack.Suggestion;
import java.util.Arrays;
import java.util.Collection;

/**
 * "Did you mean ...?" on the command line: the packs' suggestion (the nearest name within a small edit
 * distance), and also a name with two letters swapped ({@code rulse}, {@code lable}), the commonest slip
 * in typing a short word, which an edit distance counts as two edits and so misses in short names.
 */
final class DidYouMean {
    private DidYouMean() {
    }

    /** The known name {@code word} is a slip for, or null. */
    static String closest(String word, Collection<String> known) {
        String near = Suggestion.closest(word, known);
        if (near != null) {
            return near;
        }
        for (String k : known) {
            if (swapped(word, k)) {
                return k;
            }
        }
        return null;
    }

    /** {@code " (did you mean X?)"}, or "" when no known name is near. */
    static String hint(String word, Collection<String> known) {
        String c = closest(word, known);
        return c == null ? "" : " (did you mean " + c + "?)";
    }

    /** Whether {@code a} is {@code b} with two neighbouring letters swapped. */
    static boolean swapped(String a, String b) {
        if (a.length() != b.length() || a.equalsIgnoreCase(b)) {
            return false;
        }
        char[] x = a.toLowerCase(java.util.Locale.ROOT).toCharArray();
        char[] y = b.toLowerCase(java.util.Locale.ROOT).toCharArray();
        int i = 0;
        while (x[i] == y[i]) {
            i++;
        }
        if (i + 1 >= x.length || x[i] != y[i + 1] || x[i + 1] != y[i]) {
            return false;
        }
        return Arrays.equals(x, i + 2, x.length, y, i + 2, y.length);
    }
}
