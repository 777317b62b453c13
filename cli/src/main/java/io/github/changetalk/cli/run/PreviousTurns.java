package io.github.changetalk.cli.run;

import io.github.changetalk.Reading;
import io.github.changetalk.Speaker;
import io.github.changetalk.cli.io.InputRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reading of each session's last client turn that was not blank, kept in output order by the writer so
 * that the evidence weights can read the client's previous turn ({@link io.github.changetalk.Classifier#decide}).
 * Sessions are keyed as {@link SessionContext} keys them (file and session column), and as many are
 * remembered, so both see the same conversations. Not thread-safe: one per run, fed in output order (the
 * pipeline's writer; commands that fit weights from readings).
 */
public final class PreviousTurns {
    private static final int SESSIONS = 1024;

    private final Map<String, Reading> last = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Reading> eldest) {
            return size() > SESSIONS;
        }
    };

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
