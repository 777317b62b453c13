package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and awkward input: one clear message naming file and line, and with skip, one record per input record. */
class InputRobustnessTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static Cli.Result classify(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--only-rules";
        all[1] = Cli.TEST_PACK;
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run("", all);
    }

    @Test
    void raggedCsvRowFailsNamingFileAndLine() throws IOException {
        Path in = write("ragged.csv", "id,text\n1,I want to quit.\n2,too,many,cells\n3,I will quit.\n");
        Cli.Result fail = classify(in.toString());
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err().strip().lines()).hasSize(1);
        assertThat(fail.err()).contains(in + ":3:").contains("4 cells but the header has 2");
        assertThat(ClassifyCommandTest.jsonLines(fail.out())).as("records before the broken one are written").hasSize(1);

        Cli.Result skip = classify("--on-error", "skip", in.toString());
        assertThat(skip.code()).isZero();
        List<JsonNode> out = ClassifyCommandTest.jsonLines(skip.out());
        assertThat(out).hasSize(3);
        assertThat(out.get(1).get("label").isNull()).isTrue();
        assertThat(out.get(1).get("error").asText()).contains("cells");
        assertThat(out.get(1).get("id").asText()).isEqualTo("2");
        assertThat(out.get(2).get("label").asText()).isEqualTo("commitment");
        assertThat(skip.err()).contains(in + ":3:");
    }

    @Test
    void unbalancedQuoteIsOneErrorNamingWhereTheFieldBegan() throws IOException {
        Path in = write("quote.csv", "id,text\n1,fine\n2,\"never closed\n3,more\n");
        Cli.Result fail = classify(in.toString());
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err()).contains(in + ":3:").contains("unbalanced quote");
        Cli.Result skip = classify("--on-error", "skip", in.toString());
        assertThat(skip.code()).isZero();
        List<JsonNode> out = ClassifyCommandTest.jsonLines(skip.out());
        assertThat(out).hasSize(2);
        assertThat(out.get(1).get("error").asText()).contains("unbalanced quote");
    }

    @Test
    void missingTextColumnIsFatalEvenWithSkip() throws IOException {
        Path in = write("notext.csv", "id,utterance\n1,hello\n");
        for (String onError : List.of("fail", "skip")) {
            Cli.Result r = classify("--on-error", onError, in.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("changetalk: " + in + ":1: no 'text' column").contains("--text-column");
        }
        Cli.Result renamed = classify("--text-column", "utterance", in.toString());
        assertThat(renamed.code()).isZero();
        assertThat(ClassifyCommandTest.jsonLines(renamed.out())).hasSize(1);
    }

    @Test
    void brokenJsonLines() throws IOException {
        Path in = write("bad.jsonl", "{\"text\":\"I want to quit.\"}\n{\"text\": broken\n[1,2]\n{\"text\":42}\n{\"other\":1}\n{\"text\":\"I will quit.\"}\n");
        Cli.Result fail = classify(in.toString());
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err().strip()).startsWith("changetalk: " + in + ":2: not valid JSON");

        Cli.Result skip = classify("--on-error", "skip", in.toString());
        assertThat(skip.code()).isZero();
        List<JsonNode> out = ClassifyCommandTest.jsonLines(skip.out());
        assertThat(out).hasSize(6);
        assertThat(out.get(1).get("error").asText()).startsWith("not valid JSON");
        assertThat(out.get(2).get("error").asText()).isEqualTo("not a JSON object");
        assertThat(out.get(3).get("error").asText()).isEqualTo("'text' is not a string");
        assertThat(out.get(3).get("text").asInt()).as("fields of a broken record still pass through").isEqualTo(42);
        assertThat(out.get(4).get("error").asText()).isEqualTo("no 'text' field");
        assertThat(out.get(5).get("label").asText()).isEqualTo("commitment");
        assertThat(skip.err().strip().lines()).hasSize(4);
    }

    @Test
    void byteOrderMarkCrlfAndInvalidUtf8() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write("text,n\r\nI want to quit.,1\nbad \u0000 byte ".getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        b.write(",2\r\n".getBytes(StandardCharsets.UTF_8));
        Path in = dir.resolve("mixed.csv");
        Files.write(in, b.toByteArray());
        Cli.Result r = classify(in.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = ClassifyCommandTest.jsonLines(r.out());
        assertThat(out).hasSize(2);
        assertThat(out.get(0).has("text")).as("the BOM is not part of the first column's name").isTrue();
        assertThat(out.get(0).get("label").asText()).isEqualTo("desire");
        assertThat(out.get(1).get("text").asText()).contains("\uFFFD").contains("\u0000");
        assertThat(out.get(1).get("n").asText()).isEqualTo("2");

        Cli.Result text = Cli.run(b.toByteArray(), "--only-rules", Cli.TEST_PACK, "--format", "text", "--input-kind", "text");
        assertThat(text.lines()).hasSize(4); // and the session's footer
        assertThat(text.out()).doesNotContain("\u0000");
    }

    @Test
    void directoryScanSkipsBinaryAndOtherFilesWithAWarning() throws IOException {
        write("b.txt", "I will quit.\n");
        write("a.csv", "text\nI want to quit.\n");
        Files.createDirectories(dir.resolve("sub"));
        write("sub/c.jsonl", "{\"text\":\"hello\"}\n");
        Files.write(dir.resolve("sub/image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        write("notes.md", "# not an input\n");
        Cli.Result r = classify(dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = ClassifyCommandTest.jsonLines(r.out());
        assertThat(out).hasSize(3);
        assertThat(out.get(0).get("label").asText()).isEqualTo("desire"); // a.csv, then b.txt, then sub/c.jsonl
        assertThat(out.get(1).get("label").asText()).isEqualTo("commitment");
        assertThat(out.get(2).get("text").asText()).isEqualTo("hello");
        assertThat(r.err()).contains("image.txt: skipped (binary").contains("notes.md: skipped");
    }

    @Test
    void emptyAndWhitespaceLinesAreRecords() {
        Cli.Result r = Cli.run("\n   \nI want to quit.\n\n", "--only-rules", Cli.TEST_PACK);
        List<JsonNode> out;
        try {
            out = ClassifyCommandTest.jsonLines(r.out());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(out).hasSize(4);
        assertThat(out.get(2).get("label").asText()).isEqualTo("desire");
        assertThat(out.get(0).get("label").asText()).isEqualTo("neutral");
    }

    @Test
    void aLineBeyondTheLimitIsAnErrorRecordNotAnOutOfMemory() {
        String huge = "a".repeat(io.github.changetalk.cli.io.Inputs.MAX_LINE_CHARS + 10);
        Cli.Result r = Cli.run("I want to quit.\n" + huge + "\nI will quit.\n", "--only-rules", Cli.TEST_PACK, "--on-error", "skip");
        assertThat(r.code()).isZero();
        List<JsonNode> out;
        try {
            out = ClassifyCommandTest.jsonLines(r.out());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(out).hasSize(3);
        assertThat(out.get(1).get("error").asText()).startsWith("line longer than");
        assertThat(out.get(2).get("label").asText()).isEqualTo("commitment");
    }

    @Test
    void aCsvFieldOverTwentyMillionCharactersIsOneBrokenRecordAndReadingGoesOn() throws IOException {
        Path in = dir.resolve("huge.csv");
        try (var w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write("id,text\n1,I want to quit.\n2,");
            for (int i = 0; i < 21; i++) {
                w.write("a".repeat(1_000_000)); // 21 million characters, no quotes
            }
            w.write("\n3,I will quit.\n");
        }
        Cli.Result fail = classify(in.toString());
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err().strip()).isEqualTo("changetalk: " + in + ":3: record longer than 4000000 characters"
                + " (the rest of it was read and dropped) (use --on-error skip to go on)");
        assertThat(ClassifyCommandTest.jsonLines(fail.out())).hasSize(1);

        Cli.Result skip = classify("--on-error", "skip", in.toString());
        assertThat(skip.code()).as(skip.err()).isZero();
        List<JsonNode> out = ClassifyCommandTest.jsonLines(skip.out());
        assertThat(out).hasSize(3);
        assertThat(out.get(1).get("error").asText()).startsWith("record longer than 4000000 characters");
        assertThat(out.get(1).get("id").asText()).isEqualTo("2");
        assertThat(out.get(2).get("label").asText()).isEqualTo("commitment");
        assertThat(skip.err()).contains(in + ":3: record longer than").doesNotContain("String value length");
    }

    @Test
    void aHugeQuotedFieldWithLineBreaksKeepsTheLineNumbersOfTheRecordsAfterIt() throws IOException {
        Path in = dir.resolve("quoted.csv");
        try (var w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write("id,text\r\n1,I want to quit.\r\n2,\"");
            for (int i = 0; i < 1000; i++) {
                w.write("x".repeat(5_000) + " \"\"quoted\"\", still inside\r\n"); // 1,000 line breaks
            }
            w.write("end\",more\r\n3,too,many\r\n4,\"I will quit.\"\r\n");
        }
        Cli.Result skip = classify("--on-error", "skip", in.toString());
        assertThat(skip.code()).as(skip.err()).isZero();
        List<JsonNode> out = ClassifyCommandTest.jsonLines(skip.out());
        assertThat(out).hasSize(4);
        assertThat(out.get(1).get("error").asText()).startsWith("record longer than");
        assertThat(out.get(2).get("error").asText()).contains("3 cells but the header has 2");
        assertThat(out.get(3).get("label").asText()).isEqualTo("commitment");
        // Record 2 starts on line 3 and holds 1,000 line breaks: record 3 is on line 1,004.
        assertThat(skip.err()).contains(in + ":3: record longer than").contains(in + ":1004: row has 3 cells");
    }

    @Test
    void aHeaderNamingAColumnTwiceIsRefusedNamingIt() throws IOException {
        for (String header : List.of("text,text,speaker", "note,note,text", "a,b,a,text,b")) {
            Path in = write("dup.csv", header + "\n" + "x,".repeat(header.split(",").length - 1) + "x\n");
            for (String onError : List.of("fail", "skip")) {
                Cli.Result r = classify("--on-error", onError, in.toString());
                assertThat(r.code()).as(header).isEqualTo(2);
                assertThat(r.out()).isEmpty();
                assertThat(r.err().strip().lines()).hasSize(1);
            }
            assertThat(classify(in.toString()).err()).contains(in + ":1: the header names");
        }
        assertThat(classify(write("dup.csv", "text,text,speaker\na,b,client\n").toString()).err().strip())
                .endsWith("the header names 'text' more than once; give every column its own name");
        assertThat(classify(write("dup.csv", "a,b,a,text,b\n1,2,3,4,5\n").toString()).err()).contains("'a', 'b' more than once");

        // JSON Lines: a key given twice is a broken record, not a silently dropped value.
        Path jsonl = write("dup.jsonl", "{\"text\":\"I want to quit.\",\"note\":1,\"note\":2}\n{\"text\":\"I will quit.\"}\n");
        Cli.Result skip = classify("--on-error", "skip", jsonl.toString());
        assertThat(skip.code()).isZero();
        List<JsonNode> out = ClassifyCommandTest.jsonLines(skip.out());
        assertThat(out).hasSize(2);
        assertThat(out.get(0).get("error").asText()).isEqualTo("not valid JSON: duplicate field 'note'");
        assertThat(out.get(1).get("label").asText()).isEqualTo("commitment");
    }

    @Test
    void anInputFieldWhoseNewNameIsTakenGetsAFreeOneAndItIsSaidOnce() throws IOException {
        Path in = write("gold.csv", "label,input_label,text\ndesire,x1,I want to quit.\nsustain,x2,I will quit.\n");
        for (String format : List.of("jsonl", "csv")) {
            Cli.Result r = classify("--format", format, in.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err().strip().lines()).as("said once").hasSize(1);
            assertThat(r.err()).contains("input field 'label' is written as 'input_label_2'");
            if (format.equals("jsonl")) {
                List<JsonNode> out = ClassifyCommandTest.jsonLines(r.out());
                assertThat(out.get(1).get("input_label").asText()).isEqualTo("x2");
                assertThat(out.get(1).get("input_label_2").asText()).isEqualTo("sustain");
                assertThat(out.get(1).get("label").asText()).isEqualTo("commitment");
            } else {
                assertThat(r.lines().get(0)).startsWith("input_label_2,input_label,text,label,");
                assertThat(r.lines().get(2)).startsWith("sustain,x2,I will quit.,commitment,");
            }
        }
        // Without a clash, a result-named column is input_NAME, silently, as before.
        Cli.Result plain = classify(write("plain.csv", "label,text\ndesire,I want to quit.\n").toString());
        assertThat(plain.err()).isEmpty();
        assertThat(ClassifyCommandTest.jsonLines(plain.out()).get(0).get("input_label").asText()).isEqualTo("desire");
    }

    @Test
    void jsonNumbersPassThroughAsWrittenAndLoneSurrogatesBecomeReplacementCharacters() throws IOException {
        Path in = write("values.jsonl", "{\"text\":\"I want to quit.\",\"big\":1e999999999,\"exact\":1.50,\"neg\":-0,"
                + "\"long\":123456789012345678901234567890,\"s\":\"a\\ud800b\",\"\\udc00k\":[2.0E-3,\"\\ud83d\\ude00\"]}\n");
        Cli.Result r = classify("--format", "jsonl", in.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String line = r.out().strip();
        assertThat(line).contains("\"big\":1e999999999,\"exact\":1.50,\"neg\":-0,\"long\":123456789012345678901234567890,")
                .contains("\"s\":\"a\uFFFDb\"").contains("\"\uFFFDk\":[2.0E-3,\"\uD83D\uDE00\"]")
                .doesNotContain("Infinity").doesNotContain("?");
        assertThat(ClassifyCommandTest.jsonLines(r.out()).get(0).get("label").asText()).isEqualTo("desire");
        Cli.Result csv = classify("--format", "csv", in.toString());
        assertThat(csv.lines().get(1)).contains(",1e999999999,1.50,-0,123456789012345678901234567890,a\uFFFDb,");
    }

    @Test
    void threadCountsBeyondTheMaximumAreAUsageError() {
        for (String n : List.of("0", "-1", "257", "33554431", "2147483647")) {
            Cli.Result r = Cli.run("I want to quit.\n", "--only-rules", Cli.TEST_PACK, "--threads", n);
            assertThat(r.code()).as(n).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip()).isEqualTo("changetalk: --threads must be between 1 and 256, was " + n);
        }
        Cli.Result max = Cli.run("I want to quit.\n", "--only-rules", Cli.TEST_PACK, "--threads", "256");
        assertThat(max.code()).as(max.err()).isZero();
        assertThat(max.lines()).hasSize(1);
    }

    @Test
    void aScanWarnsOfFifosAndLinksToNothingAndNamesEveryExtensionItReads() throws Exception {
        write("a.txt", "I want to quit.\n");
        write("notes.md", "not an input\n");
        Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("nowhere.txt"));
        Files.createDirectories(dir.resolve("sub"));
        write("sub/b.txt", "I will quit.\n");
        Files.createSymbolicLink(dir.resolve("loop"), dir.resolve("sub"));
        boolean fifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.txt").toString()).start().waitFor() == 0;
        Cli.Result r = classify(dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = ClassifyCommandTest.jsonLines(r.out());
        assertThat(out).extracting(o -> o.get("label").asText()).containsExactly("desire", "commitment");
        assertThat(r.err()).contains(dir.resolve("gone.txt") + ": skipped (a link to nothing)")
                .contains(dir.resolve("loop") + ": skipped (a link to a directory")
                .contains(dir.resolve("notes.md") + ": skipped (not a supported input kind: .txt .text .csv .tsv .tab .jsonl .ndjson)");
        if (fifo) {
            assertThat(r.err()).contains(dir.resolve("pipe.txt") + ": skipped (not a regular file");
        }
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void unknownSpeakerValueIsAnErrorRecord() throws IOException {
        Path in = write("who.csv", "speaker,text\nclient,I want to quit.\nnarrator,It was late.\n");
        Cli.Result fail = classify(in.toString());
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.err()).contains(in + ":3: unknown speaker 'narrator'");
        Cli.Result custom = classify("--counselor-tags", "narrator", in.toString());
        assertThat(custom.code()).isZero();
    }
}
