package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/rules-catalogue.md is what {@code changetalk rules doc} writes for the default packs. */
class RulesCatalogueTest {
    @Test
    void theCheckedInCatalogueIsUpToDate() throws IOException {
        Cli.Result r = Cli.run("", "rules", "doc");
        assertThat(r.code()).as(r.err()).isZero();
        Path file = Path.of(System.getProperty("changetalk.root", "..")).resolve("docs/rules-catalogue.md");
        String checkedIn = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!checkedIn.equals(r.out())) {
            List<String> was = checkedIn.lines().toList();
            List<String> now = r.out().lines().toList();
            int line = 0;
            while (line < was.size() && line < now.size() && was.get(line).equals(now.get(line))) {
                line++;
            }
            fail("docs/rules-catalogue.md is stale (first difference at line " + (line + 1) + "): regenerate it with "
                    + RulesCommand.Doc.REGENERATE);
        }
    }

    @Test
    void everyRuleHasItsSectionWithKindBandAndExamples() {
        String doc = Cli.run("", "rules", "doc").out();
        assertThat(doc).contains("## Desire: change talk").contains("## Taking steps: sustain talk").contains("## Neutral");
        assertThat(doc).contains("### DESIRE_NOT_WANT_BEHAVIOUR\n\nkind **desire**, direction **change**, band **reversal**");
        assertThat(doc).contains("| frame | 80 |").contains("Fires on:").contains("Does not fire on:");
        assertThat(doc).containsPattern("### NEUTRAL_OTHERS_WISH\\n\\nneutral, band \\*\\*frame\\*\\*, overrides \\[NEUTRAL_QUESTION\\]");
        assertThat(RuleCatalogue.anchor("Taking steps: change talk")).isEqualTo("taking-steps-change-talk");
        assertThat(RuleCatalogue.anchor("DESIRE_WANT_CHANGE")).isEqualTo("desire_want_change");
    }

    @Test
    void writesToAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path out = dir.resolve("catalogue.md");
        Cli.Result r = Cli.run("", "rules", "doc", "--only-rules", Cli.TEST_PACK, "--output", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out)).startsWith("# Rule catalogue").contains("### CLITEST_WANT").doesNotContain("DESIRE_");
        Cli.Result bad = Cli.run("", "rules", "doc", "--only-rules", Cli.TEST_PACK, "--output", dir.resolve("no/such/dir.md").toString());
        assertThat(bad.code()).isEqualTo(CliException.FAILED);
        assertThat(bad.err()).contains("no such directory");
    }
}
