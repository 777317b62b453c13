package io.github.changetalk.cli.run;

import io.github.changetalk.cli.io.InputRecord;
import io.github.changetalk.UtteranceResult;

/**
 * One input record after classification: its result (for a counselor turn unlabelled, with its coding
 * when counselor packs are loaded; null for errors), or the error that kept it from being read or classified.
 */
public record Processed(InputRecord input, UtteranceResult result, String error) {
    public boolean isError() {
        return error != null;
    }
}
