package io.github.changetalk.internal.pack;

import java.util.Collection;

/** "Did you mean ...?" for a misspelt name: the closest known name within a small edit distance. */
public final class Suggestion {
    private Suggestion() {
    }

    /** The closest of {@code known} to {@code name}, or null when none is near enough to be a slip. */
    public static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestPrefix = -1;
        int limit = Math.max(1, Math.min(3, name.length() / 3));
        for (String k : known) {
            int d = distance(name, k);
            int prefix = commonPrefix(name, k);
            // Nearest first; among equals, the one that starts like the name (a slip is rarely in the first letters).
            if (d <= limit && (d < bestDistance || d == bestDistance
                    && (prefix > bestPrefix || prefix == bestPrefix && k.compareTo(best) < 0))) {
                best = k;
                bestDistance = d;
                bestPrefix = prefix;
            }
        }
        return best;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && Character.toLowerCase(a.charAt(n)) == Character.toLowerCase(b.charAt(n))) {
            n++;
        }
        return n;
    }

    /** {@code " (did you mean X?)"} with {@code prefix} before X, or "" when nothing is close. */
    public static String hint(String name, Collection<String> known, String prefix) {
        String c = closest(name, known);
        return c == null ? "" : " (did you mean " + prefix + c + "?)";
    }

    /** Levenshtein distance, ignoring case. */
    static int distance(String a, String b) {
        a = a.toLowerCase(java.util.Locale.ROOT);
        b = b.toLowerCase(java.util.Locale.ROOT);
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
