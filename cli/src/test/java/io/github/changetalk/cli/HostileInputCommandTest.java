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
        // One line per record; notices are indented 'note:' lines under their record, the footer ends the session.
        List<String> recordLines = r.lines().stream().filter(l -> !l.matches("^\\s+note: .*") && !l.startsWith("-- ")).toList();
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
    void stackedBoundedRepeatsInAWordRegexAreABrokenPackNotAHang() throws IOException {
        Path pack = dir.resolve("stacked.yaml");
        Files.writeString(pack, """
                pack: stacked
                rules:
                  - id: STACKED
                    kind: desire
                    direction: change
                    patterns:
                      - tokens: '[{word:/(?i)a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}a{0,64}b/}]'
                    examples:
                      match: ["aab", "x ab y"]
                      nomatch: ["c"]
                """);
        for (Cli.Result r : List.of(Cli.run("", "rules", "check", pack.toString()),
                Cli.run("I " + "a".repeat(120) + "c now.\n", "--only-rules", pack.toString()))) {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains(pack + ":7: rule STACKED: patterns[0]: word regex").contains("ways");
        }
    }

    @Test
    void aHugeOrEndlessPackIsOneLineNotAnOutOfMemoryError() throws IOException {
        Path sparse = dir.resolve("sparse.yaml");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(3L << 30); // 3 GB, sparse
        }
        List<String> packs = new ArrayList<>(List.of(sparse.toString()));
        if (Files.isReadable(Path.of("/dev/zero"))) {
            packs.add("/dev/zero");
        }
        for (String pack : packs) {
            for (Cli.Result r : List.of(Cli.run("", "rules", "check", pack), Cli.run("I want to quit.\n", "--rules", pack))) {
                assertThat(r.code()).isEqualTo(2);
                assertThat(r.out()).isEmpty();
                assertThat(r.err().strip()).isEqualTo("changetalk: " + pack + ": pack is larger than 8388608 characters");
            }
        }
    }

    // ---- Output that cannot be written: the real command in its own JVM, with real file descriptors.

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** Runs the command under bash with {@code redirect} applied to its stdout; returns exit code and stderr. */
    private Cli.Result shell(String input, String redirect, String... args) throws Exception {
        Path in = dir.resolve("input.txt");
        Files.writeString(in, input, StandardCharsets.UTF_8);
        StringBuilder cmd = new StringBuilder(WITHOUT_ROOT_OVERRIDES + "'" + JAVA + "' -Xmx512m -cp '"
                + System.getProperty("java.class.path") + "' io.github.changetalk.cli.Main");
        for (String a : args) {
            cmd.append(" '").append(a).append('\'');
        }
        cmd.append(" < '").append(in).append("' ").append(redirect);
        Process p = new ProcessBuilder("bash", "-c", cmd.toString()).redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new Cli.Result(p.exitValue(), out, err);
    }

    /**
     * Root reads any file whatever its permissions; run as root, the command is started without the
     * capabilities that allow it, so that an unreadable file is unreadable to it too.
     */
    private static final String WITHOUT_ROOT_OVERRIDES = "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/setpriv")) ? "setpriv --bounding-set -dac_override,-dac_read_search " : "";

    private static boolean permissionsHold() {
        return !"root".equals(System.getProperty("user.name")) || !WITHOUT_ROOT_OVERRIDES.isEmpty();
    }

    @Test
    void anUnreadableFileOrDirectoryInAScanIsReportedByNameAndOnErrorDecides() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(unix() && permissionsHold(), "needs bash, and permissions that hold");
        Path scan = Files.createDirectories(dir.resolve("scan"));
        Files.writeString(scan.resolve("a.txt"), "I want to quit.\n");
        Path secret = Files.writeString(scan.resolve("b.txt"), "I will quit.\n");
        Path closed = Files.createDirectories(scan.resolve("c-closed"));
        Files.writeString(closed.resolve("d.txt"), "hidden\n");
        Files.writeString(scan.resolve("e.txt"), "I will quit.\n");
        Files.setPosixFilePermissions(secret, java.util.Set.of());
        Files.setPosixFilePermissions(closed, java.util.Set.of());
        try {
            Cli.Result fail = shell("", "", "--only-rules", Cli.TEST_PACK, "--format", "jsonl", scan.toString());
            assertThat(fail.code()).as(fail.err()).isEqualTo(1);
            assertThat(fail.out().lines()).as("the records before it are written").hasSize(1);
            assertThat(fail.err().strip()).isEqualTo("changetalk: " + secret + ": cannot read: permission denied"
                    + " (use --on-error skip to go on)");

            Cli.Result skip = shell("", "", "--only-rules", Cli.TEST_PACK, "--format", "jsonl", "--on-error", "skip", scan.toString());
            assertThat(skip.code()).as(skip.err()).isZero();
            List<JsonNode> out = jsonLines(skip.out());
            assertThat(out).hasSize(4); // a.txt, b.txt (error), c-closed (error), e.txt
            assertThat(out.get(1).get("error").asText()).isEqualTo("cannot read: permission denied");
            assertThat(out.get(1).get("file").asText()).isEqualTo(secret.toString());
            assertThat(out.get(2).get("error").asText()).isEqualTo("cannot read directory: permission denied");
            assertThat(out.get(3).get("label").asText()).isEqualTo("commitment");
            assertThat(skip.err().strip().lines()).containsExactly(
                    "changetalk: " + secret + ": cannot read: permission denied (skipped: written as an error record)",
                    "changetalk: " + closed + ": cannot read directory: permission denied (skipped: written as an error record)");
        } finally {
            Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(closed, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean unix() {
        return Files.exists(Path.of("/dev/full")) && Files.isExecutable(Path.of("/bin/bash"));
    }

    @Test
    void outputLostToAFullDiskOrAClosedStdoutIsExitOneWithOneLine() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(unix(), "needs bash and /dev/full");
        String input = "I want to quit.\nI will quit.\n";
        String[][] commands = {
            {"--only-rules", Cli.TEST_PACK},
            {"--only-rules", Cli.TEST_PACK, "--summary"},
            {"rules", "list", "--only-rules", Cli.TEST_PACK},
            {"rules", "check", Cli.TEST_PACK},
        };
        for (String[] command : commands) {
            Cli.Result full = shell(input, "> /dev/full", command);
            assertThat(full.code()).as("%s to /dev/full: %s", List.of(command), full.err()).isEqualTo(1);
            assertThat(full.err().strip()).isEqualTo("changetalk: cannot write the output: no space left on device");
        }
        for (String[] command : List.of(commands[1], commands[2])) {
            Cli.Result closed = shell(input, ">&-", command);
            assertThat(closed.code()).as("%s with stdout closed: %s", List.of(command), closed.err()).isEqualTo(1);
            assertThat(closed.err().strip().lines()).hasSize(1);
            assertThat(closed.err()).startsWith("changetalk: cannot write the output");
        }
        Path gold = dir.resolve("gold.csv");
        Files.writeString(gold, "text,label\nI want to quit.,desire\n");
        Cli.Result eval = shell("", "> /dev/full", "eval", "--only-rules", Cli.TEST_PACK, "--gold", gold.toString());
        assertThat(eval.code()).as(eval.err()).isEqualTo(1);
        assertThat(eval.err().strip()).isEqualTo("changetalk: cannot write the output: no space left on device");
    }

    @Test
    void aReaderThatClosesThePipeEarlyEndsTheRunQuietlyWithExitZero() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(unix(), "needs bash");
        String input = "I want to quit.\n".repeat(20_000); // far more output than a pipe holds
        for (String format : List.of("jsonl", "text", "csv")) { // issue 15: '| head -3' in every record format
            Cli.Result r = shell(input, "| head -n 3; exit ${PIPESTATUS[0]}", "--only-rules", Cli.TEST_PACK, "--format", format);
            assertThat(r.code()).as("%s: %s", format, r.err()).isZero();
            assertThat(r.err()).as(format).isEmpty();
            assertThat(r.out().lines()).as(format).hasSize(3);
        }
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
