package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --summary} says what it read and never counts a session twice (issue 15). Through the real command. */
class SummaryInputsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Cli.write(dir, name, content);
    }

    @Test
    void aSessionsTranscriptAndItsCodedTableAreRefusedTogether() throws IOException {
        write("visit.gold.csv", "session,speaker,text,label\nvisit,client,I want to quit.,desire\n");
        write("visit.txt", "Client: I want to quit.\n");
        Cli.Result r = Cli.run("", "--summary", "--only-rules", Cli.TEST_PACK, dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("session 'visit' is in two inputs").contains("visit.gold.csv").contains("visit.txt")
                .contains("count it twice");
        Cli.Result html = Cli.run("", "--summary", "--format", "html", "--only-rules", Cli.TEST_PACK, dir.toString());
        assertThat(html.code()).isEqualTo(2);
        assertThat(html.err()).contains("session 'visit' is in two inputs");
    }

    @Test
    void saysOnOneLineWhichInputsWereRead() throws IOException {
        Path a = write("a.txt", "Client: I want to quit.\n");
        Path b = write("b.txt", "Client: I will quit.\n");
        Cli.Result r = Cli.run("", "--summary", "--format", "text", "--only-rules", Cli.TEST_PACK, a.toString(), b.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("changetalk: read 2 inputs: ").contains(a.toString()).contains(b.toString());
        assertThat(r.out()).contains("overall");
    }

    @Test
    void theHelpExampleNamesEachSessionOnce() {
        Cli.Result help = Cli.run("", "classify", "--help");
        assertThat(help.out()).contains("--summary testdata/sessions/*.txt\n").doesNotContain("--summary testdata/sessions/\n");
    }
}
