package io.github.changetalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.changetalk.cli.report.ReportFixtures;
import io.github.changetalk.cli.report.ReportPage;
import io.github.changetalk.cli.report.SessionView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session reports in a real browser: Debian's headless Chromium, driven over the DevTools protocol
 * ({@link DevTools}). Each page must load with no console error and no request beyond the page file
 * itself, hold every turn, and show a sentence's tooltip when the sentence has keyboard focus.
 * Screenshots (and one PDF) are kept under {@code target/report-screenshots/} as build artefacts.
 * Skipped, saying so, where no Chromium is installed ({@code .ci/run} installs Debian's package).
 */
class ReportBrowserTest {
    private static final Path ROOT = Path.of(System.getProperty("changetalk.root", ".."));
    private static final Path WORK = Path.of("target", "report-browser").toAbsolutePath();
    private static final Path SHOTS = Path.of("target", "report-screenshots").toAbsolutePath();
    private static DevTools browser;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = DevTools.findChromium();
        assumeTrue(chromium != null, "SKIPPED: no chromium on the PATH (set CHROMIUM, or apt-get install chromium; .ci/run installs it):"
                + " the session reports were not checked in a browser");
        Files.createDirectories(WORK);
        browser = DevTools.launch(chromium, WORK);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private static List<Path> sessions() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("testdata/sessions"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** The turns of a testdata transcript as the report shows them: every line but comments and empty ones, tag removed. */
    private static List<String> turnTexts(Path transcript) throws IOException {
        List<String> turns = new ArrayList<>();
        for (String line : Files.readAllLines(transcript, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                turns.add(line.replaceFirst("^(Client|Counselor):\\s*", ""));
            }
        }
        return turns;
    }

    /** The page's turns' texts, without the label tags and tooltips drawn into them. */
    private static final String TURN_TEXTS = "[...document.querySelectorAll('li.turn[data-turn]')].map(li => {"
            + " const t = li.querySelector('.text').cloneNode(true); t.querySelectorAll('.tag,.tip,.notes').forEach(e => e.remove());"
            + " return t.textContent; })";

    private static void assertCleanLoad(Path page, DevTools.Load load) {
        assertThat(load.errors()).as(page + ": console errors").isEmpty();
        assertThat(load.requests()).as(page + ": requests").containsExactly(page.toUri().toString());
    }

    @Test
    void acceptance_everyTestdataSessionAndTheIndexLoadCleanlyWithEveryTurn() throws Exception {
        Path out = WORK.resolve("testdata");
        List<Path> sessions = sessions();
        assertThat(sessions).hasSize(8);
        List<String> args = new ArrayList<>(List.of("report", "-o", out.toString()));
        sessions.forEach(p -> args.add(p.toString()));
        Cli.Result r = Cli.run("", args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        long start = System.nanoTime();

        for (Path transcript : sessions) {
            String name = transcript.getFileName().toString().replaceFirst("\\.txt$", "");
            Path page = out.resolve(name + ".html");
            assertCleanLoad(page, browser.open(page, 1280));
            List<String> expected = turnTexts(transcript);
            List<String> shown = new ArrayList<>();
            browser.evaluate(TURN_TEXTS).forEach(n -> shown.add(n.asText()));
            // Sentences are shown as the classifier split them, the spaces between them kept: the same text.
            assertThat(shown).as(name + ": turns").containsExactlyElementsOf(expected);
            assertThat(browser.evaluate("document.querySelectorAll('svg.timeline a').length").asInt()).isEqualTo(expected.size());
            assertThat(browser.evaluate("document.querySelectorAll('script,img,link,iframe,object').length").asInt()).isZero();
            browser.screenshot(SHOTS.resolve(name + ".png"), 1200); // the top: timeline, scores, profile
        }

        // The README's picture (docs/session-report.png is a copy): the top of one page, a sentence's tooltip open.
        Path readme = out.resolve("gambling-debt.html");
        assertCleanLoad(readme, browser.open(readme, 1100));
        browser.evaluate("document.querySelector('li.turn:nth-child(8) .s:not(.dir-neutral)').focus()");
        browser.screenshot(SHOTS.resolve("readme-session-report.png"), 1860);

        Path index = out.resolve("index.html");
        assertCleanLoad(index, browser.open(index, 1280));
        JsonNode links = browser.evaluate("[...document.querySelectorAll('table.index tbody a')].map(a => a.getAttribute('href'))");
        assertThat(links).hasSize(8);
        for (JsonNode href : links) {
            assertThat(out.resolve(href.asText())).exists();
        }
        browser.screenshot(SHOTS.resolve("index.png"), 0);
        System.out.printf("ReportBrowserTest: 9 pages checked in Chromium in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @Test
    void aFocusedSentenceShowsItsTooltipAndThePagePrints() throws Exception {
        Path page = WORK.resolve("coded.html");
        Files.writeString(page, ReportPage.session(ReportFixtures.coded(), null, false));
        assertCleanLoad(page, browser.open(page, 1280));
        String tipOf = "getComputedStyle(document.querySelector('.s.dir-sustain > .tip')).display";
        assertThat(browser.evaluate(tipOf).asText()).isEqualTo("none");
        // Keyboard: Tab from the top goes through the skip link and the timeline's columns to the first sentence,
        // whose tooltip then shows.
        int presses = 0;
        while (!browser.evaluate("document.activeElement.matches('.s')").asBoolean() && presses++ < 60) {
            for (String type : List.of("keyDown", "keyUp")) {
                browser.send("Input.dispatchKeyEvent", DevTools.params().put("type", type).put("key", "Tab").put("code", "Tab")
                        .put("windowsVirtualKeyCode", 9));
            }
        }
        assertThat(browser.evaluate("document.activeElement.matches('.s')").asBoolean()).as("Tab reaches a sentence").isTrue();
        assertThat(browser.evaluate("getComputedStyle(document.activeElement.querySelector('.tip')).display").asText()).isEqualTo("block");
        browser.evaluate("document.querySelector('.s.dir-sustain').focus()");
        assertThat(browser.evaluate("document.activeElement.className").asText()).contains("dir-sustain");
        assertThat(browser.evaluate(tipOf).asText()).isEqualTo("block");
        assertThat(browser.evaluate("document.querySelector('.s.dir-sustain > .tip').innerText").asText())
                .contains("ability").contains("sustain talk").contains("ABILITY_CANNOT");
        browser.screenshot(SHOTS.resolve("coded-helper-codes.png"), 0);

        JsonNode pdf = browser.send("Page.printToPDF", DevTools.params().put("printBackground", true));
        byte[] bytes = Base64.getDecoder().decode(pdf.path("data").asText());
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Files.write(SHOTS.resolve("coded-helper-codes.pdf"), bytes);
    }

    @Test
    void hostileTextStaysText() throws Exception {
        String evil = "<script>console.error('escaped?')</script><img src=\"http://127.0.0.1:9/x.png\"> \" ' \u0000 &";
        SessionView v = ReportFixtures.session(true, text -> evil);
        Path page = WORK.resolve("hostile.html");
        Files.writeString(page, ReportPage.session(v, evil, false));
        assertCleanLoad(page, browser.open(page, 1280));
        assertThat(browser.evaluate("document.querySelectorAll('script,img').length").asInt()).isZero();
        assertThat(browser.evaluate("document.querySelector('li.turn .text').textContent").asText()).contains("<script>console.error(");
    }

    /** The checks themselves: a page that logs an error and requests an image is caught doing both. */
    @Test
    void theCheckCatchesConsoleErrorsAndRequests() throws Exception {
        Path page = WORK.resolve("bad.html");
        // Port 9 on the loopback address (discard): nothing leaves the machine.
        Files.writeString(page, "<!DOCTYPE html><title>bad</title><script>console.error('boom')</script>"
                + "<img src=\"http://127.0.0.1:9/x.png\">");
        DevTools.Load load = browser.open(page, 800);
        assertThat(load.errors()).anyMatch(e -> e.contains("boom"));
        assertThat(load.requests()).contains("http://127.0.0.1:9/x.png");
    }
}
