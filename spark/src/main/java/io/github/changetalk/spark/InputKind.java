package io.github.changetalk.spark;

import java.util.List;
import java.util.Locale;

/** The kinds of input the job reads, and the file extensions that name them. */
enum InputKind {
    AUTO(List.of()),
    CSV(List.of("csv")),
    TSV(List.of("tsv", "tab")),
    JSONL(List.of("jsonl", "ndjson", "json")),
    PARQUET(List.of("parquet"));

    final List<String> extensions;

    InputKind(List<String> extensions) {
        this.extensions = extensions;
    }

    /** The kind a file name's extension names (compressed files by the extension before .gz etc.), or null. */
    static InputKind ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|deflate|zst|lz4|snappy)$", "");
        for (InputKind k : values()) {
            for (String e : k.extensions) {
                if (n.endsWith("." + e)) {
                    return k;
                }
            }
        }
        return null;
    }

    /** The Hadoop glob that picks this kind's files out of a directory, e.g. {@code *.{tsv,tab}}. */
    String glob() {
        return extensions.size() == 1 ? "*." + extensions.get(0) : "*.{" + String.join(",", extensions) + "}";
    }

    static InputKind parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JobException(JobException.USAGE, "--input-kind: expected auto, csv, tsv, jsonl or parquet, not '" + value + "'");
        }
    }
}
