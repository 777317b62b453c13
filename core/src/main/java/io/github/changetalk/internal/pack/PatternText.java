package io.github.changetalk.internal.pack;

/**
 * A pattern as written in a pack, made into one line for the compiler. A pattern may run over several
 * lines (a YAML block scalar, {@code tokens: |}) with {@code #} comments:
 * <ul>
 *   <li>each line loses its comment and the spaces around it, and the lines are joined with one space;</li>
 *   <li>a {@code #} starts a comment at the start of a line or after a space, outside a regex
 *       ({@code /.../}) or a quoted string;</li>
 *   <li>a regex or string left open at the end of a line goes on at the next line's first non-space
 *       character, with nothing in between, so that a long word list can wrap:
 *       {@code /(?i)addict|alcoholic|} then {@code junkie|hooked/} is {@code /(?i)addict|alcoholic|junkie|hooked/}.</li>
 * </ul>
 * A pattern on one line is taken as it is.
 */
public final class PatternText {
    private PatternText() {
    }

    /** The pattern as one line, without comments. */
    public static String join(String written) {
        String text = written.strip();
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        boolean regex = false;
        boolean string = false;
        for (String line : text.split("\\R")) {
            boolean continued = regex || string;
            int start = indentation(line);
            int lineStart = out.length();
            if (!continued && !out.isEmpty()) {
                out.append(' ');
            }
            int contentStart = out.length();
            for (int i = start; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    out.append(c).append(line.charAt(++i)); // an escaped character is never a delimiter or a comment
                    continue;
                }
                if (string) {
                    string = c != '"';
                } else if (regex) {
                    regex = c != '/';
                } else if (c == '"') {
                    string = true;
                } else if (c == '/') {
                    regex = true;
                } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    break;
                }
                out.append(c);
            }
            if (!regex && !string) {
                trimEnd(out, contentStart);
                if (out.length() == contentStart && !continued) {
                    out.setLength(lineStart); // a blank or comment-only line adds nothing
                }
            }
        }
        return out.toString().strip();
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void trimEnd(StringBuilder b, int from) {
        int end = b.length();
        while (end > from && Character.isWhitespace(b.charAt(end - 1))) {
            end--;
        }
        b.setLength(end);
    }
}
