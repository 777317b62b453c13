package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classify command through picocli, for each input kind and output format. */
class ClassifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void acceptance_twoLinesOnStdinGiveTwoRecordsInOrder() throws IOException {
        Cli.Result r = Cli.run("I really want to cut down.\nI am not going to quit.\n", "--format", "jsonl");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<JsonNode> records = jsonLines(r.out());
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("text").asText()).isEqualTo("I really want to cut down.");
        assertThat(records.get(1).get("text").asText()).isEqualTo("I am not going to quit.");
        for (JsonNode n : records) {
            assertThat(n.has("label") && n.has("direction") && n.has("kind") && n.get("sentences").isArray()).isTrue();
            assertThat(n.get("label").isTextual()).isTrue();
        }
        // The seed pack's own example: the default packs label it desire (change talk).
        assertThat(records.get(0).get("label").asText()).isEqualTo("desire");
        assertThat(records.get(0).get("direction").asText()).isEqualTo("change");
    }

    @Test
    void classifyIsTheDefaultSubcommand() {
        Cli.Result implicit = Cli.run("I want to quit.\n", "--only-rules", Cli.TEST_PACK);
        Cli.Result explicit = Cli.run("I want to quit.\n", "classify", "--only-rules", Cli.TEST_PACK);
        assertThat(implicit.code()).isZero();
        assertThat(implicit.out()).isEqualTo(explicit.out()).contains("\"label\":\"desire\"");
    }

    @Test
    void acceptance_fourThousandRowCsvGivesFourThousandJsonLinesInOrder() throws IOException {
        StringBuilder csv = new StringBuilder("session,turn,speaker,text\n");
        String[] client = {"I want to quit, honestly.", "I don't want to stop.", "I will cut down next week.",
            "we went out on \"quiz night\" again", "Yes.", "no idea\nreally"};
        int rows = 4000;
        for (int i = 0; i < rows; i++) {
            String speaker = i % 2 == 0 ? "counselor" : "client";
            String text = i % 2 == 0 ? "Will you quit, do you think? (" + i + ")" : client[(i / 2) % client.length] + " #" + i;
            csv.append("s").append(i / 10).append(',').append(i % 10).append(',').append(speaker).append(',')
                    .append('"').append(text.replace("\"", "\"\"")).append("\"\n");
        }
        Path in = write("sessions.csv", csv.toString());
        Cli.Result r = Cli.run("", "classify", "--format", "jsonl", "--threads", "3", "--only-rules", Cli.TEST_PACK, in.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = jsonLines(r.out());
        assertThat(out).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            JsonNode n = out.get(i);
            assertThat(n.get("session").asText()).isEqualTo("s" + (i / 10));
            assertThat(n.get("turn").asText()).isEqualTo(Integer.toString(i % 10));
            String expected = i % 2 == 0 ? "Will you quit, do you think? (" + i + ")" : client[(i / 2) % client.length] + " #" + i;
            assertThat(n.get("text").asText()).isEqualTo(expected);
            if (i % 2 == 0) {
                assertThat(n.get("speaker").asText()).isEqualTo("counselor");
                assertThat(n.get("label").isNull()).isTrue();
            } else {
                assertThat(n.get("label").isTextual()).isTrue();
            }
        }
        // Context: "Yes." answers "Will you quit...?" in the same session.
        JsonNode yes = out.stream().filter(n -> n.get("text").asText().startsWith("Yes.")).findFirst().orElseThrow();
        assertThat(yes.get("label").asText()).isEqualTo("commitment");
        assertThat(out.get(1).get("label").asText()).isEqualTo("desire");
        assertThat(out.get(3).get("label").asText()).isEqualTo("sustain");
    }

    @Test
    void everyOutputFormatGivesOneRecordPerInputRecord() throws IOException {
        Path in = write("three.csv", "id,text,note\n1,I want to quit.,a\n2,\"It rains, a lot.\",b\n3,I don't want to stop.,\"c, d\"\n");
        Cli.Result text = Cli.run("", "--format", "text", "--only-rules", Cli.TEST_PACK, in.toString());
        assertThat(text.lines()).hasSize(4); // and the session's footer
        assertThat(text.lines().get(3)).startsWith("-- ");
        assertThat(text.lines().get(0)).startsWith("desire").contains("I want to quit.");
        assertThat(text.lines().get(2)).startsWith("sustain");
        assertThat(text.out()).doesNotContain("\u001b[");

        Cli.Result json = Cli.run("", "--format", "json", "--only-rules", Cli.TEST_PACK, in.toString());
        JsonNode array = JSON.readTree(json.out());
        assertThat(array.size()).isEqualTo(3);
        assertThat(array.get(1).get("note").asText()).isEqualTo("b");

        for (String fmt : List.of("csv", "tsv")) {
            Cli.Result r = Cli.run("", "--format", fmt, "--only-rules", Cli.TEST_PACK, in.toString());
            assertThat(r.code()).isZero();
            CsvMapper mapper = new CsvMapper();
            var schema = mapper.schemaWithHeader().withColumnSeparator(fmt.equals("tsv") ? '\t' : ',');
            if (fmt.equals("tsv")) {
                schema = schema.withoutQuoteChar();
            }
            MappingIterator<java.util.Map<String, String>> it = mapper.readerFor(java.util.Map.class).with(schema).readValues(r.out());
            List<java.util.Map<String, String>> rows = it.readAll();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1)).containsEntry("id", "2").containsEntry("text", "It rains, a lot.").containsEntry("label", "neutral");
            assertThat(rows.get(2)).containsEntry("note", "c, d").containsEntry("label", "sustain").containsEntry("direction", "sustain");
            assertThat(rows.get(0).get("sentences")).contains("CLITEST_WANT");
        }

        Cli.Result jsonl = Cli.run("", "--only-rules", Cli.TEST_PACK, in.toString());
        assertThat(jsonLines(jsonl.out())).as("jsonl is the default when stdout is not a terminal").hasSize(3);
    }

    @Test
    void transcriptsGiveCounselorTurnsAsContext() throws IOException {
        Path in = write("s.txt", "# topic: smoking\nCounselor: Will you quit, then?\nClient: Yes.\n\nT: How is work?\nC: Yes.\n");
        Cli.Result r = Cli.run("", "--only-rules", Cli.TEST_PACK, in.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = jsonLines(r.out());
        assertThat(out).hasSize(5); // the comment is not a record; the empty line is
        assertThat(out.get(0).get("label").isNull()).isTrue();
        assertThat(out.get(0).get("speaker").asText()).isEqualTo("Counselor");
        assertThat(out.get(1).get("label").asText()).isEqualTo("commitment");
        assertThat(out.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(out.get(2).get("text").asText()).isEmpty();
        assertThat(out.get(4).get("label").asText()).as("a yes to another question").isEqualTo("neutral");

        Cli.Result forced = Cli.run("", "--only-rules", Cli.TEST_PACK, "--input-kind", "text", in.toString());
        List<JsonNode> plain = jsonLines(forced.out());
        assertThat(plain.get(0).get("text").asText()).isEqualTo("Counselor: Will you quit, then?");
        assertThat(plain.get(0).get("label").isTextual()).isTrue();
        assertThat(plain.get(0).get("speaker").asText()).isEqualTo("client");
        assertThat(out.get(2).get("speaker").asText()).as("an untagged line is a client turn").isEqualTo("client");
    }

    @Test
    void contextStaysWithinItsSession() throws IOException {
        Path in = write("two.csv", "session,speaker,text\na,counselor,Will you quit?\nb,client,Yes.\na,client,Yes.\n");
        List<JsonNode> out = jsonLines(Cli.run("", "--only-rules", Cli.TEST_PACK, in.toString()).out());
        assertThat(out).hasSize(3);
        assertThat(out.get(1).get("label").asText()).isEqualTo("neutral");
        assertThat(out.get(2).get("label").asText()).isEqualTo("commitment");
    }

    @Test
    void tsvJsonLinesAndContentDetectionOnStdin() throws IOException {
        Path tsv = write("x.tsv", "text\tspeaker\tscore\nI want to \"quit\".\tclient\t3\nWill you stop?\tcounselor\t\n");
        List<JsonNode> fromTsv = jsonLines(Cli.run("", "--only-rules", Cli.TEST_PACK, tsv.toString()).out());
        assertThat(fromTsv).hasSize(2);
        assertThat(fromTsv.get(0).get("text").asText()).isEqualTo("I want to \"quit\".");
        assertThat(fromTsv.get(0).get("score").asText()).isEqualTo("3");

        String jsonl = "{\"id\":7,\"text\":\"I want to quit.\",\"meta\":{\"k\":[1,2]}}\n\n{\"id\":8,\"text\":\"ok\",\"speaker\":\"client\"}\n";
        List<JsonNode> fromStdin = jsonLines(Cli.run(jsonl, "--only-rules", Cli.TEST_PACK).out());
        assertThat(fromStdin).hasSize(2);
        assertThat(fromStdin.get(0).get("id").isInt()).isTrue();
        assertThat(fromStdin.get(0).get("meta").get("k").size()).isEqualTo(2);
        assertThat(fromStdin.get(0).get("label").asText()).isEqualTo("desire");

        List<JsonNode> csvOnStdin = jsonLines(Cli.run("n,text\n1,I will quit.\n", "--only-rules", Cli.TEST_PACK).out());
        assertThat(csvOnStdin).hasSize(1);
        assertThat(csvOnStdin.get(0).get("n").asText()).isEqualTo("1");
        assertThat(csvOnStdin.get(0).get("label").asText()).isEqualTo("commitment");
    }

    @Test
    void explainAddsFiredAndVetoedRules() throws IOException {
        Cli.Result r = Cli.run("I do not want to stop.\n", "--explain", "--only-rules", Cli.TEST_PACK);
        JsonNode s = jsonLines(r.out()).get(0).get("sentences").get(0);
        assertThat(s.get("rule").asText()).isEqualTo("CLITEST_NOT_WANT");
        assertThat(s.get("fired").get(0).get("words").asText()).contains("want to stop");
        assertThat(s.get("vetoed").get(0).get("rule").asText()).isEqualTo("CLITEST_WANT");

        Cli.Result text = Cli.run("I do not want to stop.\n", "--explain", "--format", "text", "--only-rules", Cli.TEST_PACK);
        assertThat(text.out()).contains("by CLITEST_NOT_WANT").contains("vetoed: CLITEST_WANT");
    }

    @Test
    void summaryCountsLabelsPerSession() throws IOException {
        Path in = write("sum.csv", "session,text\na,I want to quit.\na,I don't want to quit.\na,I will quit.\nb,hello\n");
        Cli.Result r = Cli.run("", "--summary", "--format", "jsonl", "--only-rules", Cli.TEST_PACK, in.toString());
        List<JsonNode> out = jsonLines(r.out());
        assertThat(out).hasSize(3);
        assertThat(out.get(0).get("session").asText()).isEqualTo("a");
        assertThat(out.get(0).get("change_talk").asInt()).isEqualTo(2);
        assertThat(out.get(0).get("sustain_talk").asInt()).isEqualTo(1);
        assertThat(out.get(0).get("ct_share").asDouble()).isEqualTo(2.0 / 3);
        assertThat(out.get(1).get("ct_share").isNull()).isTrue();
        assertThat(out.get(2).get("scope").asText()).isEqualTo("total");
        Cli.Result text = Cli.run("", "--summary", "--format", "text", "--only-rules", Cli.TEST_PACK, in.toString());
        assertThat(text.out()).contains("ct_share").contains("0.667");
    }

    @Test
    void usageErrorsAreOneLineWithExitTwo() {
        Cli.Result unknown = Cli.run("", "--no-such-option");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).contains("--no-such-option");

        Cli.Result missing = Cli.run("", "/no/such/file.txt");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("changetalk: /no/such/file.txt: no such file or directory");

        Cli.Result format = Cli.run("hi\n", "--format", "xml", "--only-rules", Cli.TEST_PACK);
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--format");
    }

    @Test
    void badRulePackIsExitTwoNamingTheFile() throws IOException {
        Path pack = write("bad.yaml", "pack: bad\nrules:\n  - id: BAD_ONE\n    label: wishful\n    patterns:\n      - tokens: 'x'\n");
        Cli.Result r = Cli.run("hi\n", "--rules", pack.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(pack.toString()).contains("BAD_ONE").doesNotContain("Exception");
        Cli.Result debug = Cli.run("hi\n", "--rules", pack.toString(), "--debug");
        assertThat(debug.code()).isEqualTo(2);
        assertThat(debug.err()).contains("RulePackException").contains("\tat ");
    }

    @Test
    void versionAndHelp() {
        assertThat(Cli.run("", "--version").out()).startsWith("changetalk ");
        Cli.Result help = Cli.run("", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("classify").contains("rules").contains("eval").contains("Examples:");
        assertThat(Cli.run("", "classify", "--help").out()).contains("--on-error").contains("--format");
    }
}
