package io.github.changetalk.cli.run;

import io.github.changetalk.Reading;
import io.github.changetalk.Speaker;
import io.github.changetalk.cli.io.InputRecord;
import java.util.Map;

/**
 * The reading of each session's last client turn that was not blank, kept in output order by the writer so
 * that the evidence weights can read the client's previous turn ({@link io.github.changetalk.Classifier#decide}).
 * Sessions are keyed and bounded as {@link SessionContext} keys and bounds them
 * ({@link SessionContext#recentSessions}), so both see the same conversations. Not thread-safe: one per run,
 * fed in output order (the pipeline's writer; commands that fit weights from readings).
 */
public final class PreviousTurns {
    private final Map<String, Reading> last = SessionContext.recentSessions();

    /** The reading of the client turn before this record in its session, or null. */
    public Reading before(InputRecord r) {
        return last.get(SessionContext.key(r));
    }

    /** Remembers a client record's reading, unless its text is blank (a blank turn is no context). */
    public void record(InputRecord r, Reading reading) {
        if (r.speaker() == Speaker.CLIENT && r.text() != null && !r.text().isBlank()) {
            last.put(SessionContext.key(r), reading);
        }
    }
}
