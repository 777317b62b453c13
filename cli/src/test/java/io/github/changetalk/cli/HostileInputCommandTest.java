package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hostile inputs through the real command, for every input kind: each input record gives
 * exactly one output record, in input order, with exit code 0, whatever the record holds.
 */
class HostileInputCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};

    @TempDir
    Path dir;

    enum Kind { TEXT, TRANSCRIPT, CSV, TSV, JSONL }

    /** One hostile record: its bytes inside the file (never a line break, a tab, a comma or a quote). */
    private static List<byte[]> records() {
        List<byte[]> r = new ArrayList<>();
        r.add(utf8(""));                                                   // empty
        r.add(utf8("    "));                                               // whitespace only
        r.add(utf8("I want to quit. " + "x".repeat(1 << 20)));             // a 1 MB line
        r.add(utf8("i want to cut down ".repeat(50_000)));                 // 200,000 tokens, no punctuation
        r.add(utf8("I want\u0000 to quit\u0007 now\u001b\u0001"));         // control characters and NUL
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes(utf8("I want to quit "));
        bad.writeBytes(INVALID_UTF8);                                      // invalid UTF-8
        r.add(bad.toByteArray());
        r.add(utf8("\uFEFFI want to quit"));                               // a BOM inside a record
        r.add(utf8("I want to quit 🍺🚭 😀"));                              // emoji
        r.add(utf8("Ich möchte aufhören. 我想戒酒。 Я хочу бросить."));        // not English, not Latin
        r.add(utf8("I want to quit."));                                    // an ordinary one, last
        return r;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Builds the file: a BOM first, then header (if any) and records, with CRLF and LF mixed. */
    private static byte[] file(Kind kind, List<byte[]> records) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        switch (kind) {
            case CSV -> b.writeBytes(utf8("id,text\r\n"));
            case TSV -> b.writeBytes(utf8("id\ttext\n"));
            default -> {
            }
        }
        for (int i = 0; i < records.size(); i++) {
            byte[] text = records.get(i);
            switch (kind) {
                case TEXT -> b.writeBytes(text);
                case TRANSCRIPT -> {
                    b.writeBytes(utf8(i % 2 == 0 ? "Client: " : "Counselor: "));
                    b.writeBytes(text);
                }
                case CSV -> {
                    b.writeBytes(utf8(i + ","));
                    b.writeBytes(text);
                }
                case TSV -> {
                    b.writeBytes(utf8(i + "\t"));
                    b.writeBytes(text);
                }
                case JSONL -> {
                    b.writeBytes(utf8("{\"id\":" + i + ",\"text\":\""));
                    b.writeBytes(jsonEscapeControls(text));
                    b.writeBytes(utf8("\"}"));
                }
            }
            b.writeBytes(utf8(i % 2 == 0 ? "\r\n" : "\n"));
        }
        return b.toByteArray();
    }

    /** JSON strings may not hold raw control characters: escape them, leave every other byte as it is. */
    private static byte[] jsonEscapeControls(byte[] text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte x : text) {
            if (x >= 0 && x < 0x20) {
                b.writeBytes(utf8(String.format("\\u%04x", x)));
            } else {
                b.write(x);
            }
        }
        return b.toByteArray();
    }

    private static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyHostileRecordGivesExactlyOneOutputRecordInOrder(Kind kind) throws IOException {
        List<byte[]> records = records();
        Path in = dir.resolve("hostile." + switch (kind) {
            case TEXT, TRANSCRIPT -> "txt";
            case CSV -> "csv";
            case TSV -> "tsv";
            case JSONL -> "jsonl";
        });
        Files.write(in, file(kind, records));
        Cli.Result r = Cli.run("", "--only-rules", Cli.TEST_PACK, "--format", "jsonl",
                "--input-kind", kind.name().toLowerCase(), in.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = jsonLines(r.out());
        assertThat(out).hasSize(records.size());
        for (int i = 0; i < out.size(); i++) {
            JsonNode o = out.get(i);
            assertThat(o.has("error")).as("record %d: %s", i, o.path("error")).isFalse();
            if (kind == Kind.CSV || kind == Kind.TSV || kind == Kind.JSONL) {
                assertThat(o.get("id").asInt()).as("order").isEqualTo(i);
            } else {
                assertThat(o.get("line").asInt()).as("order").isEqualTo(i + 1);
            }
            boolean counselor = kind == Kind.TRANSCRIPT && i % 2 == 1;
            assertThat(o.get("label").isNull()).as("record %d labelled unless a counselor turn", i).isEqualTo(counselor);
        }
        if (kind != Kind.TRANSCRIPT) { // in the transcript, odd records are counselor turns
            assertThat(out.get(0).get("notices").toString()).contains("empty");
            assertThat(out.get(2).get("notices").toString()).contains("truncated").contains("long-token");
            assertThat(out.get(3).get("notices").toString()).contains("split");
            assertThat(out.get(4).get("label").asText()).isEqualTo("desire");
            assertThat(out.get(5).get("text").asText()).contains("\uFFFD");
            assertThat(out.get(6).get("label").asText()).isEqualTo("desire");
            assertThat(out.get(7).get("label").asText()).isEqualTo("desire");
            assertThat(out.get(8).get("label").asText()).isEqualTo("neutral");
        }
        assertThat(out.get(kind == Kind.TRANSCRIPT ? 8 : 9).get("label").asText())
                .isEqualTo(kind == Kind.TRANSCRIPT ? "neutral" : "desire");
    }

    @Test
    void theSameThroughStandardInputWithTextOutput() {
        List<byte[]> records = records();
        Cli.Result r = Cli.run(file(Kind.TEXT, records), "--only-rules", Cli.TEST_PACK, "--format", "text",
                "--input-kind", "text", "--color", "never");
        assertThat(r.code()).as(r.err()).isZero();
        // One line per record; notices are indented 'note:' lines under their record.
        List<String> recordLines = r.lines().stream().filter(l -> !l.matches("^\\s+note: .*")).toList();
        assertThat(recordLines).hasSize(records.size());
        assertThat(recordLines.get(9)).startsWith("desire").endsWith("I want to quit.");
        assertThat(r.out()).doesNotContain("\u0000").doesNotContain("\u001b");
    }

    @Test
    void aBrokenPackIsExitTwoWithOneLineNamingFileLineAndRule() throws IOException {
        Path pack = dir.resolve("bad.yaml");
        Files.writeString(pack, """
                pack: bad
                rules:
                  - id: BAD_RULE
                    kind: desire
                    direction: change
                    patterns:
                      - tokens: '([]*)* [{lemma:quit}]'
                    examples:
                      match: ["I want to quit.", "I will quit."]
                      nomatch: ["Hello."]
                """);
        Cli.Result r = Cli.run("I want to quit.\n", "--only-rules", pack.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(pack + ":7: rule BAD_RULE: patterns[0]: a repeat of a group that holds a repeat");

        Files.writeString(pack, "pack: !!java.lang.ProcessBuilder [\"touch\", \"x\"]\n");
        Cli.Result tag = Cli.run("I want to quit.\n", "--only-rules", pack.toString());
        assertThat(tag.code()).isEqualTo(2);
        assertThat(tag.err().strip()).endsWith(pack + ":1: YAML tags are not allowed in rule packs (found '!!java.lang.ProcessBuilder')");
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertThat(Cli.run("", "--on-error", "sometimes").code()).isEqualTo(2);
        assertThat(Cli.run("", "--no-such-option").code()).isEqualTo(2);
    }

    @Test
    void aMissingInputFileIsReportedNotAStackTrace() {
        Cli.Result r = Cli.run("", "--only-rules", Cli.TEST_PACK, dir.resolve("nope.txt").toString());
        assertThat(r.code()).isIn(1, 2);
        assertThat(r.err()).contains("nope.txt").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
