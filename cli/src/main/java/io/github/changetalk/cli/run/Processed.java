package io.github.changetalk.cli.run;

import io.github.changetalk.cli.io.InputRecord;
import io.github.changetalk.UtteranceResult;

/**
 * One input record after classification: its result (null for counselor turns, which are context and
 * not labelled, and for errors), or the error that kept it from being read or classified.
 */
public record Processed(InputRecord input, UtteranceResult result, String error) {
    public boolean isError() {
        return error != null;
    }
}
