package io.github.changetalk.cli;

/**
 * Whether stdin, stdout and stderr are terminals. The launcher script knows ({@code [ -t 1 ]}) and passes
 * {@code -Dchangetalk.stdin.tty}, {@code .stdout.tty} and {@code .stderr.tty}; without them (a plain
 * {@code java -cp ...} run, or tests) we fall back on {@link System#console()}, which Java 17 gives
 * only when both stdin and stdout are terminals. Colour also needs NO_COLOR unset and TERM not "dumb".
 * The width comes the same way: {@code -Dchangetalk.columns} (the launcher asks {@code stty}), else
 * the {@code COLUMNS} variable, else 80.
 */
final class Terminal {
    private Terminal() {
    }

    static boolean stdoutIsTerminal() {
        return flag("changetalk.stdout.tty");
    }

    static boolean stdinIsTerminal() {
        return flag("changetalk.stdin.tty");
    }

    static boolean stderrIsTerminal() {
        return flag("changetalk.stderr.tty");
    }

    static boolean colorAllowed() {
        String noColor = System.getenv("NO_COLOR");
        String term = System.getenv("TERM");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
    }

    /** The terminal's width in columns (see the class comment); 80 when it cannot be told. */
    static int columns() {
        for (String v : new String[] {System.getProperty("changetalk.columns"), System.getenv("COLUMNS")}) {
            try {
                if (v != null && Integer.parseInt(v.strip()) > 0) {
                    return Integer.parseInt(v.strip());
                }
            } catch (NumberFormatException e) {
                // not a number: try the next source
            }
        }
        return 80;
    }

    private static boolean flag(String property) {
        String v = System.getProperty(property);
        return v != null ? Boolean.parseBoolean(v) : System.console() != null;
    }
}
