package io.github.changetalk.cli.out;

import java.util.Locale;

/** The output formats: {@code text} and {@code html} (a session report) for people, the others for programs. */
public enum OutputFormat {
    TEXT, TSV, CSV, JSONL, JSON, HTML;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
