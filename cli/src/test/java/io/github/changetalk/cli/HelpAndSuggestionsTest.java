package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Help and typos (issue 15): help wraps at the terminal's width with whole-sentence summaries; typos in
 * options, commands, targets, the gold column and pack lexicons get "did you mean"; rules list and
 * rules explain --matched. Through the real command.
 */
class HelpAndSuggestionsTest {
    @TempDir
    Path dir;

    /** Every command's qualified name, the top one first. */
    private static List<String[]> commands() {
        List<String[]> out = new ArrayList<>();
        collect(Main.newCommandLine(), new ArrayList<>(), out);
        return out;
    }

    private static void collect(CommandLine cl, List<String> path, List<String[]> out) {
        out.add(path.toArray(String[]::new));
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, out);
        });
    }

    private static String[] with(String[] head, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void helpWrapsAtTheTerminalWidthAndEverySummaryIsAWholeSentence() {
        String saved = System.getProperty("changetalk.columns");
        System.setProperty("changetalk.columns", "64");
        try {
            for (String[] command : commands()) {
                Cli.Result help = Cli.run("", with(command, "--help"));
                assertThat(help.code()).isZero();
                for (String line : help.lines()) {
                    assertThat(line.length()).as("%s --help: %s", List.of(command), line).isLessThanOrEqualTo(64);
                }
            }
        } finally {
            if (saved == null) {
                System.clearProperty("changetalk.columns");
            } else {
                System.setProperty("changetalk.columns", saved);
            }
        }
        collectSummaries(Main.newCommandLine());
    }

    /** The line a command list shows for each command is a whole sentence. */
    private static void collectSummaries(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            String[] d = sub.getCommandSpec().usageMessage().description();
            assertThat(d).as(sub.getCommandName()).isNotEmpty();
            assertThat(d[0].strip()).as(sub.getCommandName()).endsWith(".");
            collectSummaries(sub);
        }
    }

    @Test
    void benchHelpNamesTheLaunchersVariable() {
        String help = Cli.run("", "bench", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("CHANGETALK_JAVA_OPTS").doesNotContain(" JAVA_OPTS");
    }

    @Test
    void typosInOptionsAndCommandsGetDidYouMean() {
        Cli.Result option = Cli.run("", "--explian");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err().strip()).contains("Unknown option: '--explian'").contains("did you mean --explain?");
        Cli.Result command = Cli.run("", "rulse", "list");
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err().strip().lines()).hasSize(1);
        assertThat(command.err()).contains("'rulse' is neither a file nor a command (did you mean rules?)");
        Cli.Result sub = Cli.run("", "rules", "lsit");
        assertThat(sub.code()).isEqualTo(2);
        assertThat(sub.err()).contains("'lsit'").contains("did you mean list?");
        Cli.Result subOption = Cli.run("", "rules", "list", "--trigers");
        assertThat(subOption.err()).contains("did you mean --triggers?");
    }

    @Test
    void aMisspeltTargetGetsDidYouMean() {
        Cli.Result r = Cli.run("I want to quit.\n", "--target", "alchohol");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--target: unknown target 'alchohol' (did you mean alcohol?)").contains("(known: ");
    }

    @Test
    void aMissingGoldColumnListsTheColumnsAndTheNearest() throws IOException {
        Path gold = dir.resolve("gold.csv");
        Files.writeString(gold, "speaker,text,label\nclient,I want to quit.,desire\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("", "eval", "--only-rules", Cli.TEST_PACK, "--gold", gold.toString(), "--gold-column", "lable");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("no column 'lable'").contains("did you mean label?").contains("columns: speaker, text, label");
    }

    @Test
    void aMisspeltLexiconInAPackGetsDidYouMean() throws IOException {
        // $BEHAVIOUR is the default packs' (rules/targets/generic.yaml): the suggestion comes from the pack compiler.
        Path pack = dir.resolve("typo.yaml");
        Files.writeString(pack, """
                pack: typo
                rules:
                  - id: TYPO_WANT_STOP
                    kind: desire
                    direction: change
                    description: wants to stop the behaviour
                    patterns:
                      - tokens: '[{lemma:want}] [{word:to}] [{lemma:stop}] $BEHAVIOR'
                    examples:
                      match: ["I want to stop drinking.", "we want to stop drinking"]
                      nomatch: ["I want to go home."]
                """, StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("", "rules", "check", pack.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("$BEHAVIOR").contains("did you mean $BEHAVIOUR?");
    }

    @Test
    void rulesListShowsPriorityBandAndDescriptionInEachFormat() throws IOException {
        Cli.Result text = Cli.run("", "rules", "list", "--only-rules", Cli.TEST_PACK);
        assertThat(text.lines().get(0).split("\\s+")).containsExactly("ID", "LABEL", "DIRECTION", "KIND", "PRIORITY", "BAND", "PACK", "DESCRIPTION");
        assertThat(text.out()).contains("the speaker wants to quit or cut down");
        List<List<String>> csv = MachineOutputTest.csv(Cli.run("", "rules", "list", "--format", "csv", "--only-rules", Cli.TEST_PACK).out());
        assertThat(csv.get(0)).containsExactly("id", "label", "direction", "kind", "priority", "band", "pack", "description");
        assertThat(csv).hasSize(5);
        assertThat(csv.get(1).get(4)).matches("\\d+");
        JsonNode json = new ObjectMapper().readTree(Cli.run("", "rules", "list", "-f", "json", "--triggers", "--only-rules", Cli.TEST_PACK).out());
        assertThat(json.size()).isEqualTo(4);
        assertThat(json.get(0).get("priority").isInt()).isTrue();
        assertThat(json.get(0).get("triggers").isArray()).isTrue();
        assertThat(json.get(0).get("description").asText()).isNotEmpty();
        assertThat(Cli.run("", "rules", "list", "--format", "yaml", "--only-rules", Cli.TEST_PACK).code()).isEqualTo(2);
    }

    @Test
    void rulesExplainMatchedShowsOnlyWhatFiredOrWasVetoed() {
        Cli.Result all = Cli.run("", "rules", "explain", "--only-rules", Cli.TEST_PACK, "I do not want to quit.");
        Cli.Result matched = Cli.run("", "rules", "explain", "--matched", "--only-rules", Cli.TEST_PACK, "I do not want to quit.");
        assertThat(matched.code()).isZero();
        List<String> verdicts = matched.lines().stream().filter(l -> l.startsWith("    ")).map(String::strip).toList();
        assertThat(verdicts).anyMatch(l -> l.startsWith("matched") && l.contains("CLITEST_NOT_WANT"));
        assertThat(verdicts).anyMatch(l -> l.startsWith("vetoed") && l.contains("CLITEST_WANT"));
        assertThat(verdicts).allMatch(l -> l.startsWith("matched") || l.startsWith("vetoed") || l.matches("\\(\\d+ other rules did not fire\\)"));
        assertThat(all.out()).contains("CLITEST_WILL");
        assertThat(matched.out()).doesNotContain("CLITEST_WILL");
    }
}
