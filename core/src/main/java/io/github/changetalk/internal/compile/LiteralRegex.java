package io.github.changetalk.internal.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a regex that is only an alternation of literal words, such as {@code (?i)(?:want|wish)} or
 * {@code want|wish}, into its words; anything else (classes, quantifiers, partial words) is not
 * literal and gives null. Used to derive triggers, so it must only ever say "literal" when it is.
 */
public final class LiteralRegex {
    private LiteralRegex() {
    }

    /** The lower-cased alternatives, or null if the regex is not a pure alternation of literals. */
    public static List<String> alternatives(String regex) {
        String r = regex;
        if (r.startsWith("(?i)")) {
            r = r.substring(4);
        }
        if (r.startsWith("^")) {
            r = r.substring(1);
        }
        if (r.endsWith("$") && !r.endsWith("\\$")) {
            r = r.substring(0, r.length() - 1);
        }
        if ((r.startsWith("(?:") || r.startsWith("(")) && r.endsWith(")") && closesAtEnd(r)) {
            r = r.substring(r.startsWith("(?:") ? 3 : 1, r.length() - 1);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                if (i + 1 >= r.length()) {
                    return null;
                }
                char next = r.charAt(++i);
                if (Character.isLetterOrDigit(next)) {
                    return null; // \d, \w, \b... are classes or anchors, not literals
                }
                cur.append(next);
            } else if (c == '|') {
                if (cur.isEmpty()) {
                    return null;
                }
                out.add(cur.toString().toLowerCase(Locale.ROOT));
                cur.setLength(0);
            } else if (Character.isLetterOrDigit(c) || c == '\'' || c == '’' || c == '-' || c == ' ') {
                cur.append(c);
            } else {
                return null;
            }
        }
        if (cur.isEmpty()) {
            return null;
        }
        out.add(cur.toString().toLowerCase(Locale.ROOT));
        return out;
    }

    /** True if the opening parenthesis at 0 is closed by the last character (not earlier). */
    private static boolean closesAtEnd(String r) {
        int depth = 0;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i != r.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    /** Escapes a literal for use inside a regex (and inside TokensRegex's /.../). */
    static String quote(String literal) {
        StringBuilder b = new StringBuilder(literal.length() + 4);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
