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
        char[] open = new char[1]; // the literal left open by the lines so far: '/', '"' or 0
        for (String line : text.split("\\R")) {
            boolean continued = open[0] != 0;
            char before = open[0];
            String code = line.substring(indentation(line));
            int comment = commentStart(code, code(code, open));
            if (comment >= 0) {
                open[0] = before;
                code = code.substring(0, comment);
                code(code, open); // what a comment holds opens nothing
            }
            if (open[0] == 0) {
                code = code.stripTrailing();
            }
            if (!continued && !code.isEmpty() && !out.isEmpty()) {
                out.append(' ');
            }
            out.append(code);
        }
        return out.toString().strip();
    }

    /**
     * Which characters of {@code text} are pattern syntax: true outside a regex ({@code /.../}) or a quoted
     * string and not escaped. {@code open} holds the literal open before the text ('/', '"' or 0) and
     * receives the one open after it.
     */
    public static boolean[] code(String text, char[] open) {
        boolean[] code = new boolean[text.length()];
        char literal = open[0];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++; // an escaped character is never a delimiter
            } else if (literal != 0) {
                literal = c == literal ? 0 : literal;
            } else if (c == '/' || c == '"') {
                literal = c;
            } else {
                code[i] = true;
            }
        }
        open[0] = literal;
        return code;
    }

    /** Where a comment starts: a {@code #} that is pattern syntax, at the start or after a space; -1 if none. */
    private static int commentStart(String line, boolean[] code) {
        for (int i = 0; i < line.length(); i++) {
            if (code[i] && line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
