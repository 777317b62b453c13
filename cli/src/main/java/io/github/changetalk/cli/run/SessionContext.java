package io.github.changetalk.cli.run;

import io.github.changetalk.ContextWindow;
import io.github.changetalk.Turn;
import io.github.changetalk.Utterance;
import io.github.changetalk.cli.io.InputRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The turns before each record in its session (the session column, else the file), kept by a
 * {@link ContextWindow} per session: the same definition {@link io.github.changetalk.Classifier#classifyTranscript}
 * uses, blank turns left out. Context depends on the input only, never on results, so it is built in
 * reading order before records are classified in parallel. The most recently used 1,024 sessions are
 * remembered, so interleaved sessions keep their context while memory stays bounded.
 */
final class SessionContext {
    private static final int SESSIONS = 1024;

    private final Map<String, ContextWindow> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ContextWindow> eldest) {
            return size() > SESSIONS;
        }
    };
    private final String defaultTarget;

    SessionContext(String defaultTarget) {
        this.defaultTarget = defaultTarget;
    }

    /** The session a record belongs to: its file and its session column. */
    static String key(InputRecord r) {
        return r.source() + '\u0000' + r.session();
    }

    /** The utterance to classify for this record, then remembers the record as context for the next. */
    Utterance next(InputRecord r) {
        ContextWindow window = sessions.computeIfAbsent(key(r), k -> new ContextWindow());
        return window.next(new Turn(r.speaker(), r.text()), r.target() != null ? r.target() : defaultTarget);
    }
}
