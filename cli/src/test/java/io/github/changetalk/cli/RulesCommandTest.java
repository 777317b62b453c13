package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules list, check and explain. */
class RulesCommandTest {
    @TempDir
    Path dir;

    @Test
    void indexWritesAPatternIndexTheClassifierReads() throws IOException {
        Path file = dir.resolve("changetalk.index");
        Cli.Result r = Cli.run("", "rules", "index", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        org.assertj.core.api.Assertions.assertThatCode(() -> io.github.changetalk.internal.startup.PatternIndex.read(file))
                .doesNotThrowAnyException();
        assertThat(Files.size(file)).isGreaterThan(1000);

        Cli.Result nowhere = Cli.run("", "rules", "index", dir.resolve("no/such/dir/x.index").toString());
        assertThat(nowhere.code()).isEqualTo(1);
        assertThat(nowhere.err().strip().lines()).hasSize(1);
        assertThat(nowhere.err()).contains("no/such/dir/x.index").contains("no such directory");
    }

    @Test
    void checkPassesOnAGoodPack() {
        Cli.Result r = Cli.run("", "rules", "check", Cli.TEST_PACK);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("13 examples passed");
    }

    @Test
    void acceptance_checkOnAWrongExampleExitsTwoNamingRuleExampleAndWhatMatched() throws IOException {
        Path pack = dir.resolve("mine.yaml");
        Files.writeString(pack, """
                pack: mine
                lexicons:
                  GIVE_UP: [give up, quit]
                rules:
                  - id: MINE_WISH_GIVE_UP
                    kind: desire
                    direction: change
                    priority: frame
                    patterns:
                      - tokens: '[{word:/(?i)i/}] [{lemma:wish}] []{0,3} $GIVE_UP'
                    examples:
                      match: ["I wish I could give up.", "I really hope to quit soon."]
                      nomatch: ["I wish I could quit.", "She wishes he would quit."]
                """, StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("", "rules", "check", pack.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains(pack + ":12: rule MINE_WISH_GIVE_UP: match example \"I really hope to quit soon.\": the rule did not fire");
        assertThat(r.out()).contains("nomatch example \"I wish I could quit.\": the rule fired on 'I wish I could quit'");
        // the analysis of the failing sentence: label, tokens with lemmas and tags, what fired
        assertThat(r.out()).contains("sentence 1: \"I really hope to quit soon.\"").contains("hope/hope/VBP");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("2 of 4 examples failed").contains("MINE_WISH_GIVE_UP");
    }

    @Test
    void brokenPackIsExitTwoWithOneLine() throws IOException {
        Path pack = dir.resolve("broken.yaml");
        Files.writeString(pack, "pack: broken\nrules:\n  - id: BROKEN_X\n    kind: desire\n    direction: change\n    patterns:\n      - tokens: '[{word:'\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("", "rules", "check", pack.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(pack.toString()).contains("BROKEN_X");
    }

    @Test
    void listShowsIdLabelDirectionBandPackAndTriggers() {
        Cli.Result r = Cli.run("", "rules", "list", "--only-rules", Cli.TEST_PACK, "--triggers");
        assertThat(r.code()).isZero();
        assertThat(r.lines().get(0)).startsWith("ID").contains("LABEL").contains("DIRECTION").contains("BAND").contains("PACK").contains("TRIGGERS");
        assertThat(r.out()).containsPattern("CLITEST_NOT_WANT\\s+sustain\\s+sustain\\s+desire\\s+\\d+\\s+specific\\s+clitest");
        assertThat(r.lines()).hasSize(5);
        Cli.Result defaults = Cli.run("", "rules", "list");
        assertThat(defaults.out()).contains("DESIRE_WANT_CHANGE");
    }

    @Test
    void explainShowsTokensAndEveryRuleVerdict() {
        Cli.Result r = Cli.run("", "rules", "explain", "--only-rules", Cli.TEST_PACK, "I do not want to stop.");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("label: sustain").contains("want/want/VB").contains("not/not/RB")
                .containsPattern("matched\\s+CLITEST_NOT_WANT").containsPattern("vetoed\\s+CLITEST_WANT");
        assertThat(r.out()).contains("CLITEST_WILL"); // every rule gets a verdict

        Cli.Result ctx = Cli.run("", "rules", "explain", "--only-rules", Cli.TEST_PACK, "--context", "Will you quit?", "Yes.");
        assertThat(ctx.out()).contains("label: commitment");
        Cli.Result json = Cli.run("", "rules", "explain", "--only-rules", Cli.TEST_PACK, "--format", "json", "I will quit.");
        assertThat(json.out()).contains("\"sentences\"").contains("\"tokens\"");
    }

    @Test
    void rulesWithoutSubcommandIsAUsageError() {
        Cli.Result r = Cli.run("", "rules");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("list").contains("check").contains("explain");
    }
}
