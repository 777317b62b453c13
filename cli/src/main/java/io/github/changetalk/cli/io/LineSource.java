package io.github.changetalk.cli.io;

import io.github.changetalk.Speaker;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text and speaker-tagged transcripts: one record per line. A line that starts with a known
 * speaker tag ({@code Client:}, {@code Counselor:}...) is that speaker's turn and any other line is a
 * client utterance; a forced {@code TEXT} reads no tags (every line is a client utterance as it is), a
 * forced {@code TRANSCRIPT} gives an untagged line the previous line's speaker. Lines starting with {@code #} are comments, not records; {@code # topic: NAME} sets the
 * target for the lines after it. Every other line, empty ones included, is a record.
 */
final class LineSource implements RecordSource {
    private static final Pattern TOPIC = Pattern.compile("^#\\s*topic\\s*:\\s*([^.;,]+).*$", Pattern.CASE_INSENSITIVE);

    private final String source;
    private final LineReader in;
    private final Speakers speakers;
    private final boolean transcript;
    private final boolean tagsAllowed;
    private long lineNo;
    private String topic;
    private Speaker lastSpeaker = Speaker.CLIENT;
    private String lastTag = Speaker.CLIENT.id();

    /** {@code kind}: AUTO (tags read, untagged = client), TEXT (no tags) or TRANSCRIPT. */
    LineSource(String source, BufferedReader in, Speakers speakers, InputKind kind) {
        this.source = source;
        this.in = new LineReader(in, Inputs.MAX_LINE_CHARS);
        this.speakers = speakers;
        this.transcript = kind == InputKind.TRANSCRIPT;
        this.tagsAllowed = kind != InputKind.TEXT;
    }

    @Override
    public InputRecord next() throws IOException {
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (in.lastTruncated()) {
                return InputRecord.broken(source, lineNo, new LinkedHashMap<>(Map.of("file", source, "line", lineNo)),
                        "line longer than " + Inputs.MAX_LINE_CHARS + " characters");
            }
            if (line.startsWith("#")) {
                Matcher m = TOPIC.matcher(line);
                if (m.matches()) {
                    topic = m.group(1).strip();
                }
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("file", source);
            fields.put("line", lineNo);
            Speakers.Tagged tagged = tagsAllowed ? speakers.parse(line) : null;
            String text;
            Speaker speaker;
            // Every record has a speaker field, so CSV output (whose header the first record sets)
            // keeps it: the tag as written, else the speaker an untagged line is taken to be.
            if (tagged != null) {
                speaker = tagged.speaker();
                text = tagged.text();
                lastTag = tagged.tag();
            } else {
                speaker = transcript ? lastSpeaker : Speaker.CLIENT;
                text = line;
                if (!transcript) {
                    lastTag = speaker.id();
                }
            }
            fields.put("speaker", lastTag);
            lastSpeaker = speaker;
            fields.put("text", text);
            return new InputRecord(source, lineNo, fields, text, speaker, source, topic, null);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
