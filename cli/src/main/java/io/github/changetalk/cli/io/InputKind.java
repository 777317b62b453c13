package io.github.changetalk.cli.io;

import java.util.Locale;

/** How an input is read. {@code AUTO} decides from the file extension, else from the first line. */
public enum InputKind {
    AUTO, TEXT, TRANSCRIPT, CSV, TSV, JSONL;

    /** The extensions {@link #fromFileName} knows, as a user reads them. */
    public static final String EXTENSIONS = ".txt .text .csv .tsv .tab .jsonl .ndjson";

    /** The kind a file name's extension implies, or null when the extension is not a supported one. */
    public static InputKind fromFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".tsv") || n.endsWith(".tab")) {
            return TSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return JSONL;
        }
        if (n.endsWith(".txt") || n.endsWith(".text")) {
            return TEXT;
        }
        return null;
    }

    /**
     * The kind a first line implies: a JSON object starts JSON Lines; a header holding the text column,
     * split by tabs or commas, starts TSV or CSV; anything else is text (lines, speaker tags allowed).
     */
    public static InputKind fromFirstLine(String line, String textColumn) {
        String s = line == null ? "" : line.strip();
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        if (s.startsWith("{")) {
            return JSONL;
        }
        if (hasColumn(s.split("\t", -1), textColumn)) {
            return TSV;
        }
        if (hasColumn(s.split(",", -1), textColumn)) {
            return CSV;
        }
        return TEXT;
    }

    private static boolean hasColumn(String[] cells, String column) {
        if (cells.length < 2) {
            return false;
        }
        for (String c : cells) {
            String name = c.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            if (name.equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
