package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code changetalk report} with coded counselor turns, through the real command: each helper turn marked
 * by its code on the timeline and in the transcript (with the rule and words that decided it), and the
 * session's helper scores with their MITI 4.2 bands, on the page and in the index.
 */
class HelperReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void helperCodesAndScoresReachThePages() throws IOException {
        Path in = dir.resolve("visit.txt");
        Files.writeString(in, String.join("\n",
                "Counselor: What would help this month?",
                "Client: I want to quit.",
                "Counselor: So you want to quit.",
                "Client: I will quit.",
                "Counselor: Do you smoke at work?",
                "Client: I do not want to stop.",
                "Counselor: You have to stop now.",
                ""), StandardCharsets.UTF_8);
        Path later = dir.resolve("later.txt");
        Files.writeString(later, "Counselor: How did the week go?\nClient: I will quit.\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("reports");
        Cli.Result r = Cli.run("", "report", "--only-rules", Cli.TEST_PACK, "--only-rules", Cli.COUNSELOR_PACK,
                "-o", out.toString(), in.toString(), later.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String page = Files.readString(out.resolve("visit.html"));
        // the transcript: one badge per counselor turn, the MI-inconsistent one marked and explained
        assertThat(page).contains("class=\"hc question\">OQ</span>").contains("class=\"hc reflection\">SR</span>")
                .contains("class=\"hc question\">CQ</span>").contains("class=\"hc inconsistent\">!DI</span>")
                .contains("DI by CLITEST_DIRECT: \u201cYou have to\u201d");
        // the timeline: the helper turns on the line by style
        assertThat(page).contains("class=\"helper inconsistent\"").contains("class=\"helper reflection\"")
                .contains("class=\"helper question\"");
        // the scores: R:Q 1 reflection per 2 questions is below fair; no complex reflection: below fair
        String scores = page.substring(page.indexOf("<table class=\"miti\">"), page.indexOf("</table>", page.indexOf("<table class=\"miti\">")));
        assertThat(scores.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " "))
                .contains("Reflection-to-question ratio (R:Q) 0.5 : 1 below fair")
                .contains("Complex reflections 0% below fair")
                .contains("Open questions 50%")
                .contains("MI-inconsistent behaviours 1")
                .contains("MI-consistent share 67%");
        assertThat(page).contains("Helper codes: CQ 1, DI 1, OQ 1, SR 1.");
        String index = Files.readString(out.resolve("index.html"));
        assertThat(index.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ")).contains("0.5 : 1 below fair 0% below fair");
    }
}
