package io.github.changetalk.spark;

import java.util.Locale;

/** What the job writes: JSON Lines, CSV (nested fields as JSON text) or Parquet (nested fields as structs). */
enum OutputFormat {
    JSONL("json"), CSV("csv"), PARQUET("parquet");

    /** Spark's name for the data source. */
    final String source;

    OutputFormat(String source) {
        this.source = source;
    }

    static OutputFormat parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JobException(JobException.USAGE, "--format: expected jsonl, csv or parquet, not '" + value + "'");
        }
    }
}
