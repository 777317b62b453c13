package io.github.changetalk.cli.run;

import io.github.changetalk.ContextWindow;
import io.github.changetalk.Speaker;
import io.github.changetalk.Turn;
import io.github.changetalk.Utterance;
import io.github.changetalk.cli.io.InputRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The turns before each record in its session (the session column, else the file), kept by a
 * {@link ContextWindow} per session: the same definition {@link io.github.changetalk.Classifier#classifyTranscript}
 * uses, blank turns left out. Context depends on the input only, never on results, so it is built in
 * reading order before records are classified in parallel. The most recently used 1,024 sessions are
 * remembered, so interleaved sessions keep their context while memory stays bounded.
 */
final class SessionContext {
    private static final int SESSIONS = 1024;

    private final Map<String, Session> sessions = recentSessions();
    private final String defaultTarget;

    SessionContext(String defaultTarget) {
        this.defaultTarget = defaultTarget;
    }

    /**
     * A map by session {@link #key key} that remembers the most recently used 1,024 sessions and forgets the
     * least recently used beyond them: what the run keeps per session, bounded however many sessions the
     * input interleaves. One bound for every per-session memory, so they all see the same conversations.
     */
    static <V> Map<String, V> recentSessions() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > SESSIONS;
            }
        };
    }

    /** The session a record belongs to: its file and its session column. */
    static String key(InputRecord r) {
        return r.source() + '\u0000' + r.session();
    }

    /** The utterance to classify for this record, then remembers the record as context for the next. */
    Utterance next(InputRecord r) {
        return session(r).window().next(new Turn(r.speaker(), r.text()), r.target() != null ? r.target() : defaultTarget);
    }

    /**
     * The result, once done, of the counselor turn an utterance of this record's session answers (the
     * record {@link #next} just gave, whose context names that turn), or null when it answers none: so that
     * the client turn reads the counselor turn's coding instead of coding it again.
     */
    CompletableFuture<Processed> answered(InputRecord r, Utterance u) {
        return ContextWindow.answeredTurn(u.context()) == null ? null : session(r).lastCounselor;
    }

    /** Remembers this record's result (the record {@link #answered} was just asked about), when it is a counselor turn. */
    void submitted(InputRecord r, CompletableFuture<Processed> result) {
        if (!r.text().isBlank()) {
            session(r).lastCounselor = r.speaker() == Speaker.COUNSELOR ? result : null;
        }
    }

    private Session session(InputRecord r) {
        return sessions.computeIfAbsent(key(r), k -> new Session(new ContextWindow()));
    }

    /** One session's context window, and the result of its last counselor turn while no client turn has followed it. */
    private static final class Session {
        private final ContextWindow window;
        private CompletableFuture<Processed> lastCounselor;

        Session(ContextWindow window) {
            this.window = window;
        }

        ContextWindow window() {
            return window;
        }
    }
}
