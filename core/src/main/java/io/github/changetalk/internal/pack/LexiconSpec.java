package io.github.changetalk.internal.pack;

import java.util.List;

/**
 * A named word and phrase list. Entries are words or phrases, or {@code $OTHER} to include another
 * lexicon. {@code target} is the target behaviour whose pack defined it (null for ordinary lexicons).
 */
public record LexiconSpec(String source, String name, int line, List<String> entries, String target) {
    public LexiconSpec {
        entries = List.copyOf(entries);
    }
}
