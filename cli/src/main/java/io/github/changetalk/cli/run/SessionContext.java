package io.github.changetalk.cli.run;

import io.github.changetalk.Turn;
import io.github.changetalk.Utterance;
import io.github.changetalk.cli.io.InputRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The turns before each record in its session (the session column, else the file): the two previous
 * turns, as {@link io.github.changetalk.Classifier#classifyTranscript} uses. Context depends on the
 * input only, never on results, so it is built in reading order before records are classified in
 * parallel. The most recently used 1,024 sessions are remembered, so interleaved sessions keep their
 * context while memory stays bounded.
 */
final class SessionContext {
    private static final int TURNS = 2;
    private static final int SESSIONS = 1024;

    private final Map<String, Deque<Turn>> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Turn>> eldest) {
            return size() > SESSIONS;
        }
    };
    private final String defaultTarget;

    SessionContext(String defaultTarget) {
        this.defaultTarget = defaultTarget;
    }

    /** The utterance to classify for this record, then remembers the record as context for the next. */
    Utterance next(InputRecord r) {
        Deque<Turn> turns = sessions.computeIfAbsent(r.source() + '\u0000' + r.session(), k -> new ArrayDeque<>(TURNS + 1));
        String target = r.target() != null ? r.target() : defaultTarget;
        Utterance u = new Utterance(r.text(), r.speaker(), List.copyOf(turns), target);
        if (!r.text().isBlank()) {
            turns.addLast(new Turn(r.speaker(), r.text()));
            if (turns.size() > TURNS) {
                turns.removeFirst();
            }
        }
        return u;
    }
}
