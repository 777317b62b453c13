package io.github.changetalk.cli.io;

/**
 * How to read inputs: the forced kind (or AUTO), the names of the columns/fields that hold the text,
 * the speaker, the session and the topic, and the speaker tags.
 */
public record ReadOptions(InputKind kind, String textColumn, String speakerColumn, String sessionColumn,
                          String topicColumn, Speakers speakers) {
    public static ReadOptions defaults() {
        return new ReadOptions(InputKind.AUTO, "text", "speaker", "session", "topic", Speakers.defaults());
    }
}
