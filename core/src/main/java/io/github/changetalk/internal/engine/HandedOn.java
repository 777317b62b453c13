package io.github.changetalk.internal.engine;

import edu.stanford.nlp.ling.CoreLabel;
import io.github.changetalk.internal.nlp.SentenceView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A shortcut around an {@link Engine.Analysis}: the full analyses ({@code needsTags} null: every sentence
 * tagged) that callers are {@linkplain #done done} with are kept, up to a count, and the next call that asks
 * for the full analysis of the same text gets one instead of tagging it again. In a transcript this is the
 * counselor turn: analysed as said for its own coding, then again for the client rules' {@code context:}
 * patterns when the client turn after it is labelled. The analysis is deterministic, so the sentences are
 * those a fresh analysis would give.
 *
 * <p>A kept analysis is handed to one caller only and forgotten (the views are not thread-safe, so one
 * call at a time holds them, as {@link SentenceView} requires); the oldest kept is dropped past
 * {@code capacity}, and a text nobody asks for again is dropped in its turn. Thread-safe.
 */
final class HandedOn implements Engine.Analysis {
    private final Engine.Analysis analysis;
    private final Map<String, List<SentenceView>> kept;

    HandedOn(Engine.Analysis analysis, int capacity) {
        this.analysis = analysis;
        this.kept = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<SentenceView>> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public List<SentenceView> analyze(String text, Predicate<List<CoreLabel>> needsTags) {
        if (needsTags == null) {
            List<SentenceView> handed;
            synchronized (kept) {
                handed = kept.remove(text);
            }
            if (handed != null) {
                return handed;
            }
        }
        return analysis.analyze(text, needsTags);
    }

    @Override
    public List<Supplier<SentenceView>> analyzeLazily(String text, Predicate<List<CoreLabel>> needsTags) {
        return analysis.analyzeLazily(text, needsTags);
    }

    @Override
    public void done(String text, List<SentenceView> sentences) {
        synchronized (kept) {
            kept.put(text, sentences);
        }
    }
}
