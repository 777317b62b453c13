package io.github.changetalk.cli.run;

import io.github.changetalk.Reading;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.cli.io.InputRecord;

/**
 * One input record after classification: its result (for a counselor turn unlabelled, with its coding
 * when counselor packs are loaded; null for errors), or the error that kept it from being read or classified.
 * {@code reading} is the client utterance as the rules read it, with the evidence weights' features, when
 * the run keeps readings (with weights, and for commands that fit or score weights); null otherwise.
 */
public record Processed(InputRecord input, UtteranceResult result, String error, Reading reading) {
    public Processed(InputRecord input, UtteranceResult result, String error) {
        this(input, result, error, null);
    }

    public boolean isError() {
        return error != null;
    }
}
