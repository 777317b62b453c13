package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Machine output loses nothing (issue 15): a folder of mixed text and CSV inputs to CSV keeps every
 * row's fields, every record says its deciding rule, --per-sentence gives a row per sentence, input
 * values keep their text, and the summary's total row is marked as a total. Through the real command.
 */
class MachineOutputTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Cli.write(dir, name, content);
    }

    /** CSV text as rows of cells, the header first. */
    static List<List<String>> csv(String text) throws IOException {
        CsvMapper m = new CsvMapper();
        m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = m.readerFor(List.class).readValues(text)) {
            return it.readAll();
        }
    }

    @Test
    void aFolderOfTextAndCsvToCsvKeepsEveryRowsFileLineAndSession() throws IOException {
        // Sorted, the CSV comes first: its header used to be the whole output's.
        write("a-coded.csv", "session,turn,speaker,text,label\nvisit-a,4,client,I want to quit.,desire\n");
        write("b.txt", "Counselor: Will you quit?\nClient: I will quit.\n");
        Cli.Result r = Cli.run("", "--format", "csv", "--only-rules", Cli.TEST_PACK, dir.toString());
        assertThat(r.code()).isZero();
        List<List<String>> rows = csv(r.out());
        List<String> header = rows.get(0);
        assertThat(header).startsWith("session", "turn", "speaker", "text", "input_label", "file", "line")
                .contains("label", "rule", "sentences");
        assertThat(rows).hasSize(4);
        for (List<String> row : rows) {
            assertThat(row).hasSameSizeAs(header);
        }
        List<String> csvRow = rows.get(1);
        assertThat(csvRow.get(header.indexOf("session"))).isEqualTo("visit-a");
        assertThat(csvRow.get(header.indexOf("turn"))).isEqualTo("4");
        List<String> textRow = rows.get(3);
        assertThat(textRow.get(header.indexOf("file"))).endsWith("b.txt");
        assertThat(textRow.get(header.indexOf("line"))).isEqualTo("2");
        assertThat(textRow.get(header.indexOf("label"))).isEqualTo("commitment");
        assertThat(textRow.get(header.indexOf("rule"))).isEqualTo("CLITEST_WILL");
        assertThat(r.err()).doesNotContain("not in the output header");
    }

    @Test
    void everyRecordNamesItsDecidingRule() throws IOException {
        Cli.Result r = Cli.run("I want to quit. I don't want to quit.\nIt rains.\n", "--format", "jsonl", "--only-rules", Cli.TEST_PACK);
        List<JsonNode> records = ClassifyCommandTest.jsonLines(r.out());
        // The turn's label is the later sustain sentence's: the rule is that sentence's.
        assertThat(records.get(0).get("label").asText()).isEqualTo("sustain");
        assertThat(records.get(0).get("rule").asText()).isEqualTo("CLITEST_NOT_WANT");
        assertThat(records.get(1).get("label").asText()).isEqualTo("neutral");
        assertThat(records.get(1).get("rule").isNull()).isTrue();
    }

    @Test
    void perSentenceWritesOneRecordPerSentence() throws IOException {
        Path in = write("t.txt", "Counselor: Will you quit?\nClient: I want to quit. I don't want to quit.\n");
        Cli.Result r = Cli.run("", "--format", "csv", "--per-sentence", "--only-rules", Cli.TEST_PACK, in.toString());
        assertThat(r.code()).isZero();
        List<List<String>> rows = csv(r.out());
        List<String> h = rows.get(0);
        assertThat(h).containsSubsequence("file", "line", "speaker", "text", "sentence", "sentence_text", "label", "rule");
        assertThat(rows).hasSize(4); // the counselor turn, then two sentences
        assertThat(rows.get(1).get(h.indexOf("sentence"))).isEmpty();
        assertThat(rows.get(2).get(h.indexOf("sentence"))).isEqualTo("1");
        assertThat(rows.get(2).get(h.indexOf("sentence_text"))).isEqualTo("I want to quit.");
        assertThat(rows.get(2).get(h.indexOf("rule"))).isEqualTo("CLITEST_WANT");
        assertThat(rows.get(3).get(h.indexOf("label"))).isEqualTo("sustain");
        assertThat(rows.get(3).get(h.indexOf("line"))).isEqualTo("2");

        List<JsonNode> json = ClassifyCommandTest.jsonLines(Cli.run("", "--per-sentence", "--format", "jsonl",
                "--only-rules", Cli.TEST_PACK, in.toString()).out());
        assertThat(json).extracting(n -> n.get("sentence").isNull() ? 0 : n.get("sentence").asInt()).containsExactly(0, 1, 2);

        Cli.Result text = Cli.run("", "--per-sentence", "--format", "text", "--only-rules", Cli.TEST_PACK, in.toString());
        assertThat(text.code()).isEqualTo(2);
        assertThat(text.err()).contains("--per-sentence needs a record format");
    }

    @Test
    void inputValuesKeepTheirTextAndJsonNumbersStayNumbers() throws IOException {
        Path csvIn = write("n.csv", "turn,score,text\n4,1.50,I want to quit.\n");
        JsonNode fromCsv = ClassifyCommandTest.jsonLines(Cli.run("", "--format", "jsonl", "--only-rules", Cli.TEST_PACK,
                csvIn.toString()).out()).get(0);
        assertThat(fromCsv.get("turn").isTextual()).isTrue();
        assertThat(fromCsv.get("turn").asText()).isEqualTo("4");
        assertThat(fromCsv.get("score").asText()).isEqualTo("1.50");
        Path jsonIn = write("n.jsonl", "{\"turn\":4,\"id\":\"4\",\"text\":\"I want to quit.\"}\n");
        JsonNode fromJson = ClassifyCommandTest.jsonLines(Cli.run("", "--format", "jsonl", "--only-rules", Cli.TEST_PACK,
                jsonIn.toString()).out()).get(0);
        assertThat(fromJson.get("turn").isNumber()).isTrue();
        assertThat(fromJson.get("id").isTextual()).isTrue();
    }

    @Test
    void theSummaryTotalIsMarkedAsATotal() throws IOException {
        Path in = write("sum.csv", "session,text\na,I want to quit.\nb,I don't want to quit.\n");
        List<List<String>> rows = csv(Cli.run("", "--summary", "--format", "csv", "--only-rules", Cli.TEST_PACK, in.toString()).out());
        List<String> h = rows.get(0);
        assertThat(h.subList(0, 2)).containsExactly("session", "scope");
        assertThat(rows).extracting(row -> row.get(1)).containsExactly("scope", "session", "session", "total");
        List<String> total = rows.get(3);
        assertThat(total.get(0)).isEmpty();
        assertThat(total.get(h.indexOf("change_talk"))).isEqualTo("1");
        assertThat(total.get(h.indexOf("sustain_talk"))).isEqualTo("1");
        List<JsonNode> json = ClassifyCommandTest.jsonLines(Cli.run("", "--summary", "--format", "jsonl",
                "--only-rules", Cli.TEST_PACK, in.toString()).out());
        assertThat(json.get(2).get("scope").asText()).isEqualTo("total");
        assertThat(json.get(2).get("session").isNull()).isTrue();
    }

    @Test
    void csvOutputQuotesOnlyWhatMustBeQuoted() throws IOException {
        Path in = write("q.csv", "id,text\nx/1,\"I want to quit, \"\"really\"\".\"\n");
        String out = Cli.run("", "--format", "csv", "--only-rules", Cli.TEST_PACK, in.toString()).out();
        assertThat(out.lines().skip(1).findFirst().orElseThrow()).startsWith("x/1,\"I want to quit, \"\"really\"\".\",desire,");
    }
}
