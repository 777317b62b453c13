package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.changetalk.cli.report.Redaction;
import io.github.changetalk.cli.report.ReportFixtures;
import io.github.changetalk.cli.report.ReportPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code changetalk report} and {@code classify --format html} through the real command. */
class ReportCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("changetalk.root", ".."));

    @TempDir
    Path dir;

    private static List<Path> sessions() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("testdata/sessions"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static Cli.Result report(List<Path> inputs, String... options) {
        List<String> args = new ArrayList<>(List.of("report"));
        args.addAll(List.of(options));
        inputs.forEach(p -> args.add(p.toString()));
        return Cli.run("", args.toArray(String[]::new));
    }

    private static Set<String> words(String s) {
        return ReportFixtures.words(s);
    }

    private static String visibleText(String html) {
        return ReportFixtures.visibleText(html);
    }

    @Test
    void acceptance_onePagePerTestdataSessionAndAnIndex() throws IOException {
        List<Path> sessions = sessions();
        Path out = dir.resolve("reports");
        Cli.Result r = report(sessions, "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> expected = new ArrayList<>();
        for (Path s : sessions) {
            expected.add(out.resolve(s.getFileName().toString().replace(".txt", ".html")).toString());
        }
        expected.add(out.resolve("index.html").toString());
        assertThat(r.lines()).containsExactlyElementsOf(expected);
        for (Path s : sessions) {
            String page = Files.readString(out.resolve(s.getFileName().toString().replace(".txt", ".html")));
            long turns = Files.readAllLines(s).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).count();
            assertThat(page.split("data-turn=\"", -1).length - 1).isEqualTo((int) turns);
            assertThat(page).contains("href=\"index.html\"").contains("Target behaviour: ");
        }
        String index = Files.readString(out.resolve("index.html"));
        for (Path s : sessions) {
            assertThat(index).contains("<a href=\"" + s.getFileName().toString().replace(".txt", ".html") + "\">");
        }
    }

    @Test
    void acceptance_redactedReportsHoldNoWordOfTheTranscripts() throws IOException {
        List<Path> sessions = sessions();
        Path out = dir.resolve("redacted");
        Cli.Result r = report(sessions, "--redact", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // The report's own vocabulary: every word a redacted page of the hand-built sessions shows, whose
        // texts are the tests' own, plus the targets named by the sessions' topic lines and the rule ids.
        Set<String> vocabulary = new TreeSet<>();
        vocabulary.addAll(words(visibleText(ReportPage.session(Redaction.redact(ReportFixtures.session(true, t -> "x"), 1), "index.html", true))));
        vocabulary.addAll(words(visibleText(ReportPage.session(Redaction.redact(ReportFixtures.session(false, t -> "x"), 1), "index.html", true))));
        vocabulary.addAll(words(visibleText(ReportPage.index(List.of(Redaction.redact(ReportFixtures.session(false, t -> "x"), 1)),
                List.of("x.html"), true))));
        vocabulary.addAll(List.of("sentence", "sentences"));
        // Every helper code and its name is the report's own word, whichever codes the sessions happen to get.
        for (io.github.changetalk.MiscCode c : io.github.changetalk.MiscCode.values()) {
            vocabulary.addAll(words(c.id()));
            vocabulary.addAll(words(io.github.changetalk.cli.report.Vocabulary.helperName(c.id())));
        }
        Set<String> transcript = new TreeSet<>();
        for (Path s : sessions) {
            for (String line : Files.readAllLines(s, StandardCharsets.UTF_8)) {
                if (line.startsWith("# topic:")) {
                    vocabulary.addAll(words(line.replaceFirst("^# topic:\\s*([^.;,]+).*$", "$1")));
                } else {
                    transcript.addAll(words(line));
                }
            }
        }
        assertThat(vocabulary).doesNotContain("x");
        List<Path> pages;
        try (Stream<Path> p = Files.list(out)) {
            pages = p.sorted().toList();
        }
        assertThat(pages).hasSize(9);
        for (Path page : pages) {
            assertThat(page.getFileName().toString()).matches("Session-\\d+\\.html|index\\.html");
            Set<String> shown = words(visibleText(Files.readString(page)));
            Set<String> foreign = new TreeSet<>(shown);
            foreign.removeIf(w -> vocabulary.contains(w) || w.matches("\\d+") || w.matches("[a-z0-9]+(_[a-z0-9]+)+"));
            assertThat(foreign).as(page + ": words not of the report's own vocabulary").isEmpty();
            Set<String> leaked = new TreeSet<>(shown);
            leaked.retainAll(transcript);
            leaked.removeAll(vocabulary);
            assertThat(leaked).as(page + ": transcript words").isEmpty();
            assertThat(Files.readString(page)).doesNotContain("testdata").doesNotContain("alcohol-first-visit");
        }
        assertThat(Files.readString(out.resolve("Session-1.html"))).contains("Redacted copy.").contains("Session 1");
    }

    @Test
    void oneSessionGetsNoIndexUnlessItIsACorpus() throws IOException {
        Path one = sessions().get(0);
        Cli.Result r = report(List.of(one), "--only-rules", Cli.TEST_PACK, "-o", dir.resolve("one").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly(dir.resolve("one").resolve("alcohol-first-visit.html").toString());
        assertThat(Files.readString(dir.resolve("one/alcohol-first-visit.html"))).doesNotContain("All sessions");

        // A CSV with a session column is a corpus, even of one session: it gets an index.
        Path csv = ROOT.resolve("testdata/sessions/alcohol-first-visit.gold.csv");
        Cli.Result c = report(List.of(csv), "--only-rules", Cli.TEST_PACK, "-o", dir.resolve("csv").toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.lines()).containsExactly(dir.resolve("csv/alcohol-first-visit.html").toString(), dir.resolve("csv/index.html").toString());
    }

    @Test
    void unreadableRecordsStayInTheirSessionAsTurns() throws IOException {
        Path csv = dir.resolve("mixed.csv");
        Files.writeString(csv, "session,speaker,text\na,counselor,What would you like?\na,client,I want to quit.\n"
                + "a,somebody,hello there\nb,client,I will quit.\n");
        Cli.Result r = report(List.of(csv), "--only-rules", Cli.TEST_PACK, "--on-error", "skip", "-o", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly(dir.resolve("out/a.html").toString(), dir.resolve("out/b.html").toString(),
                dir.resolve("out/index.html").toString());
        String a = Files.readString(dir.resolve("out/a.html"));
        assertThat(a.split("data-turn=\"", -1).length - 1).isEqualTo(3);
        assertThat(a).contains("Could not be read: unknown speaker &#39;somebody&#39;").contains("I want to quit.");
    }

    @Test
    void classifyWritesOneHtmlPageOnStdout() throws IOException {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Files.writeString(a, "Counselor: What would you like?\nClient: I want to quit.\n");
        Files.writeString(b, "Client: I will quit.\n");
        Cli.Result r = Cli.run("", "--format", "html", "--only-rules", Cli.TEST_PACK, a.toString(), b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("id=\"s1-t2\"").contains("id=\"s2-t1\"")
                .contains("I want to quit.").contains("CLITEST_WANT");
        Cli.Result redacted = Cli.run("", "--format", "html", "--redact", "--only-rules", Cli.TEST_PACK, a.toString());
        assertThat(redacted.out()).doesNotContain("quit").contains("[desire change talk]");
        Cli.Result summary = Cli.run("", "--format", "html", "--summary", "--only-rules", Cli.TEST_PACK, a.toString(), b.toString());
        assertThat(summary.out()).contains("<table class=\"index\">").doesNotContain("data-turn=").doesNotContain("<a href=\"#");
        Cli.Result wrong = Cli.run("", "--format", "jsonl", "--redact", "--only-rules", Cli.TEST_PACK, a.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("--redact needs --format html");
    }

    @Test
    void anUnwritableOutputDirectoryIsAOneLineError() throws IOException {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x");
        Cli.Result r = report(List.of(sessions().get(0)), "--only-rules", Cli.TEST_PACK, "-o", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("changetalk: " + file + ": cannot create directory").doesNotContain("\tat ");
    }
}
