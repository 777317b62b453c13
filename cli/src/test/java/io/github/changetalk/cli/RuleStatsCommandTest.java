package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules stats through the real command, on small gold files whose firings under the test pack are known. */
class RuleStatsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    // Under the test pack: CLITEST_WANT fires on the first three client rows (right, wrong, right direction but
    // wrong kind), CLITEST_NOT_WANT on "I don't want to quit." (right; CLITEST_WANT is vetoed there),
    // CLITEST_WILL on the neutral row (wrong), CLITEST_YES_TO_WILL on the yes after the question (right).
    private static final String FIRST = """
            session,speaker,text,label,kind,fold
            a,client,I want to quit.,desire,desire,0
            a,client,I want to stop drinking so much.,sustain,desire,0
            b,client,I want to cut down.,commitment,commitment,1
            b,client,I will quit next month.,neutral,,1
            b,client,I don't want to quit.,sustain,desire,1
            c,counselor,Will you stop?,,,0
            c,client,Yes.,commitment,commitment,0
            c,client,The bus was late today.,neutral,,0
            """;
    private static final String SECOND = """
            session,speaker,text,label
            d,client,I really want to quit soon.,reason
            d,client,I will stop on Friday.,commitment
            """;

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void countsPerRuleWithFilesAndFolds() throws IOException {
        Path a = file("first.csv", FIRST);
        Path b = file("second.csv", SECOND);
        Cli.Result r = Cli.run("", "rules", "stats", "--gold", a.toString(), b.toString(), "--format", "json",
                "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rep = JSON.readTree(r.out());
        assertThat(rep.get("turns").asInt()).isEqualTo(9);
        JsonNode want = rule(rep, "CLITEST_WANT");
        JsonNode all = want.get("scopes").get("all");
        assertThat(all.get("fires").asInt()).isEqualTo(4);
        assertThat(all.get("right").asInt()).isEqualTo(3);
        assertThat(all.get("wrong").asInt()).isEqualTo(1);
        assertThat(all.get("precision").asDouble()).isEqualTo(0.75);
        // kinds: right direction 3 times; gold kind desire, commitment, and reason (the second file's label)
        assertThat(all.get("kind_scored").asInt()).isEqualTo(3);
        assertThat(all.get("kind_right").asInt()).isEqualTo(1);
        assertThat(all.get("decided").asInt()).isEqualTo(4);
        assertThat(all.get("wilson_low").asDouble()).isBetween(0.2, 0.4);
        assertThat(all.get("wilson_high").asDouble()).isBetween(0.9, 1.0);
        assertThat(want.get("scopes").get("fold:0").get("fires").asInt()).isEqualTo(2);
        assertThat(want.get("scopes").get("fold:0").get("right").asInt()).isEqualTo(1);
        assertThat(want.get("scopes").get("fold:1").get("right").asInt()).isEqualTo(1);
        assertThat(want.get("scopes").get("file:" + a).get("fires").asInt()).isEqualTo(3);
        assertThat(want.get("scopes").get("file:" + b).get("fires").asInt()).isEqualTo(1);
        JsonNode will = rule(rep, "CLITEST_WILL").get("scopes").get("all");
        assertThat(will.get("fires").asInt()).isEqualTo(2);
        assertThat(will.get("right").asInt()).isEqualTo(1);
        assertThat(will.get("wrong_more_than_right").asBoolean()).isFalse();
        JsonNode willFold1 = rule(rep, "CLITEST_WILL").get("scopes").get("fold:1");
        assertThat(willFold1.get("wrong_more_than_right").asBoolean()).isTrue();
        assertThat(rule(rep, "CLITEST_NOT_WANT").get("scopes").get("all").get("right").asInt()).isEqualTo(1);
        assertThat(rule(rep, "CLITEST_YES_TO_WILL").get("scopes").get("all").get("kind_right").asInt()).isEqualTo(1);
    }

    @Test
    void textMarksRulesWrongMoreOftenThanRightAndSortsByPrecision() throws IOException {
        Path a = file("first.csv", FIRST);
        Cli.Result r = Cli.run("", "rules", "stats", "--gold", a.toString(), "--sort", "precision",
                "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).as(r.err()).isZero();
        java.util.List<String> lines = r.lines();
        assertThat(lines.get(0)).startsWith("7 scored client turns");
        assertThat(lines.get(1)).contains("fires", "precision", "fold:0 right/fires", "fold:1 right/fires");
        // lowest precision first: CLITEST_WILL 0 of 1
        assertThat(lines.get(2)).startsWith("CLITEST_WILL").contains("! 0.000");
        assertThat(String.join("\n", lines)).contains("1 of 4 rules wrong more often than right");
    }

    @Test
    void csvHasOneLinePerRuleAndScope() throws IOException {
        Path a = file("first.csv", FIRST);
        Cli.Result r = Cli.run("", "rules", "stats", "--gold", a.toString(), "--format", "csv", "--sort", "rule",
                "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines().get(0)).startsWith("rule,direction,kind,scope,fires,right,wrong,precision");
        assertThat(r.lines()).contains("CLITEST_NOT_WANT,sustain,desire,all,1,1,0,1.000,0.207,1.000,1,1,1,false");
        assertThat(r.lines()).anyMatch(l -> l.startsWith("CLITEST_WANT,change,desire,fold:0,2,1,1,0.500,"));
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path a = file("first.csv", FIRST);
        Cli.Result r = Cli.run("", "rules", "stats", "--gold", a.toString(), "--sort", "luck", "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--sort: expected fires, precision, wrong or rule");
        Path bad = file("bad.csv", "speaker,text,label\nclient,I want to quit.,maybe\n");
        r = Cli.run("", "rules", "stats", "--gold", bad.toString(), "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("bad.csv:2: unknown gold label 'maybe'");
    }

    private static JsonNode rule(JsonNode rep, String id) {
        for (JsonNode n : rep.get("rules")) {
            if (n.get("rule").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no row for " + id + " in " + rep);
    }
}
