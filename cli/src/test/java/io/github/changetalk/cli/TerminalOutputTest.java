package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people see on a terminal (issue 15): text output (sustain talk's kind, ambivalent turns,
 * wrapping, session footers), progress kept off the records, the stdin hint. Through the real command,
 * told which streams are terminals as the launcher tells it ({@code -Dchangetalk.*.tty}).
 */
class TerminalOutputTest {
    @TempDir
    Path dir;

    private final Map<String, String> saved = new HashMap<>();

    private void set(String property, String value) {
        if (!saved.containsKey(property)) {
            saved.put(property, System.getProperty(property)); // null: it was not set
        }
        System.setProperty(property, value);
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private Path write(String name, String content) throws IOException {
        return Cli.write(dir, name, content);
    }

    private static Cli.Result text(String stdin, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--format", "text", "--color", "never", "--only-rules", Cli.TEST_PACK));
        all.addAll(List.of(args));
        return Cli.run(stdin, all.toArray(String[]::new));
    }

    @Test
    void sustainTalkShowsItsKindAndAmbivalentTurnsAreMarked() {
        Cli.Result r = text("I don't want to quit.\nI want to quit. I don't want to quit.\n");
        assertThat(r.lines().get(0)).startsWith("sustain (desire) ").endsWith("I don't want to quit.");
        assertThat(r.lines().get(1)).startsWith("sustain (desire) ");
        assertThat(r.lines().get(2).strip()).isEqualTo("ambivalent: desire, then sustain (desire)");
        assertThat(r.out()).doesNotContain("ambivalent: sustain (desire)\n");
    }

    @Test
    void eachSessionEndsWithAFooterOfItsCountsAndShare() throws IOException {
        Path a = write("a.txt", "Counselor: Will you quit?\nClient: I want to quit.\nClient: I don't want to quit.\nClient: It rains.\n");
        Path b = write("b.txt", "Client: I will quit.\n");
        Cli.Result r = text("", a.toString(), b.toString());
        List<String> footers = r.lines().stream().filter(l -> l.startsWith("-- ")).toList();
        assertThat(footers).containsExactly(
                "-- " + a + ": 3 client turns: 1 change talk, 1 sustain talk, 1 neutral; change-talk share 50%",
                "-- " + b + ": 1 client turn: 1 change talk, 0 sustain talk, 0 neutral; change-talk share 100%");
        // Each footer comes right after its session's last turn.
        assertThat(r.lines().indexOf(footers.get(0))).isEqualTo(4);
        assertThat(r.lines().get(r.lines().size() - 1)).isEqualTo(footers.get(1));
    }

    @Test
    void counselorTurnsShowTheirCodeAndTheRightingReflexIsMarkedWithItsWords() throws IOException {
        Path t = write("t.txt", "Counselor: What brings you in?\nClient: I want to quit.\n"
                + "Counselor: You have to stop tonight.\nClient: It rains.\nCounselor: Nice weather.\n");
        Cli.Result r = text("", "--only-rules", Cli.COUNSELOR_PACK, t.toString());
        assertThat(r.lines().get(0)).startsWith("OQ ").endsWith("Counselor: What brings you in?");
        assertThat(r.lines().get(2)).startsWith("DI (MI-inconsistent) ").endsWith("Counselor: You have to stop tonight.");
        // No counselor rule coded it: the column stays blank, as for a turn no pack codes.
        assertThat(r.lines().get(4)).startsWith(" ".repeat("sustain (taking-steps) ".length()) + "Counselor: Nice weather.");

        Cli.Result explained = text("", "--only-rules", Cli.COUNSELOR_PACK, "--explain", t.toString());
        assertThat(explained.out()).contains("\"You have to stop tonight.\" -> DI by ");
        assertThat(explained.out()).containsPattern("fired: [A-Z_]+ 'You have to'");
    }

    @Test
    void longTurnsWrapAtTheTerminalWidthWithAHangingIndent() {
        set("changetalk.stdout.tty", "true");
        set("changetalk.columns", "60");
        String words = "I want to quit and I have been thinking about it every single day since the doctor told me about my liver";
        Cli.Result r = text(words + "\n");
        List<String> lines = r.lines().stream().filter(l -> !l.startsWith("-- ")).toList();
        assertThat(lines.size()).isGreaterThan(1);
        for (String l : lines) {
            assertThat(l.length()).as(l).isLessThanOrEqualTo(60);
        }
        String indent = " ".repeat("sustain (taking-steps) ".length());
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith(indent).doesNotStartWith(indent + " "));
        assertThat(String.join(" ", lines.stream().map(String::strip).toList()).replaceAll(" +", " ")).isEqualTo("desire " + words);

        set("changetalk.stdout.tty", "false"); // a file or pipe: never wrapped
        assertThat(text(words + "\n").lines().get(0)).endsWith(words);
    }

    @Test
    void progressIsNeverDrawnWhereTheRecordsGoAndEndsWithOneLine() throws IOException {
        Path in = write("in.txt", "I want to quit.\nI will quit.\n");
        set("changetalk.stderr.tty", "true");
        set("changetalk.stdout.tty", "false");
        Cli.Result toFile = Cli.run("", "--format", "jsonl", "--only-rules", Cli.TEST_PACK, in.toString());
        assertThat(toFile.code()).isZero();
        assertThat(toFile.out()).doesNotContain("\r").doesNotContain("records in");
        assertThat(ClassifyCommandTest.jsonLines(toFile.out())).hasSize(2);
        String last = toFile.err().substring(toFile.err().lastIndexOf('\r') + 1);
        assertThat(last.strip()).matches("2 records in \\d+\\.\\d s");
        assertThat(toFile.err()).doesNotContain("\u001b");

        set("changetalk.stdout.tty", "true"); // records on the terminal: no progress over them
        Cli.Result toTerminal = text("", in.toString());
        assertThat(toTerminal.err()).isEmpty();
    }

    @Test
    void readingStandardInputFromATerminalSaysSoOnStderr() throws IOException {
        set("changetalk.stdin.tty", "true");
        Cli.Result r = Cli.run("I want to quit.\n", "--format", "jsonl", "--only-rules", Cli.TEST_PACK);
        assertThat(r.code()).isZero();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("changetalk: reading utterances from the terminal").contains("Ctrl-D");
        assertThat(ClassifyCommandTest.jsonLines(r.out())).hasSize(1);

        set("changetalk.stdin.tty", "false");
        assertThat(Cli.run("I want to quit.\n", "--format", "jsonl", "--only-rules", Cli.TEST_PACK).err()).isEmpty();
    }
}
