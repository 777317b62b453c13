package io.github.changetalk.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import io.github.changetalk.Speaker;
import io.github.changetalk.cli.report.SessionView.HelperCode;
import io.github.changetalk.cli.report.SessionView.Rule;
import io.github.changetalk.cli.report.SessionView.Sentence;
import io.github.changetalk.cli.report.SessionView.Turn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pages rendered from hand-built view models: helper codes, their absence, hostile text, self-containment. */
class ReportPageTest {

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void helperCodesShowOnTheTimelineTheTranscriptAndAgainstMitiBands() {
        String page = ReportPage.session(ReportFixtures.coded(), null, false);
        // Timeline: one mark per counselor turn, styled by kind of behaviour, with its code.
        assertThat(count(page, "class=\"helper question\"")).isEqualTo(2);
        assertThat(count(page, "class=\"helper reflection\"")).isEqualTo(2);
        assertThat(count(page, "class=\"helper inconsistent\"")).isEqualTo(1);
        assertThat(page).contains(">!ADW</text>").contains(">CR</text>").contains(">OQ</text>");
        assertThat(page).contains("Turn 5, counselor: ADW advise without permission, MI-inconsistent");
        // Transcript: the badge and its name, and the evidence in a tooltip reachable by keyboard.
        assertThat(page).contains("<span class=\"hc inconsistent\">!ADW</span>").contains("advise without permission")
                .contains("<span class=\"hc reflection\">CR</span>").contains("complex reflection")
                .contains("ADVICE_SHOULD: \u201cYou should\u201d");
        assertThat(page).containsPattern("<span class=\"hc-wrap\" tabindex=\"0\" aria-describedby=\"t5h\">");
        // Scores against MITI 4.2: R:Q 1.5 is fair (1:1 to 2:1), complex reflections 45% fair (40% to 50%).
        assertThat(page).contains("Reflection-to-question ratio (R:Q)</th><td class=\"num\">1.5 : 1</td><td><span class=\"band fair\">fair</span>");
        assertThat(page).contains("Complex reflections</th><td class=\"num\">45%</td><td><span class=\"band fair\">fair</span>");
        assertThat(page).contains("Open questions</th><td class=\"num\">50%</td><td><span class=\"band none\">no MITI 4.2 threshold</span>");
        assertThat(page).contains("MI-inconsistent behaviours</th><td class=\"num\">1</td>");
        assertThat(page).contains("MI-consistent share</th><td class=\"num\">80%</td>").contains("MI adherence</th><td class=\"num\">90%</td>");
        assertThat(page).contains("Helper codes: ADW 1, CQ 1, CR 1, OQ 1, SR 1.");
        assertThat(page).doesNotContain("not coded in this report");
    }

    @Test
    void uncodedCounselorTurnsSayNotCodedOnceAndDrawAQuietMark() {
        SessionView s = ReportFixtures.uncoded();
        String page = ReportPage.session(s, null, false);
        assertThat(page).contains("Counselor turns are not coded in this report. Reflection-to-question ratio");
        assertThat(count(page, "class=\"uncoded\"")).isEqualTo((int) s.counselorTurns());
        assertThat(page).contains("Turn 1, counselor: not coded");
        assertThat(page).doesNotContain("class=\"helper ").doesNotContain("<span class=\"hc reflection\">")
                .doesNotContain("<table class=\"miti\">");
        // Per turn, no badge repeats "not coded": the session says it once.
        assertThat(count(page, "<span class=\"hc none\">not coded</span>")).isZero();
    }

    @Test
    void codedTurnsWithoutScoresSaySoAndMarkTheUncodedTurn() {
        SessionView coded = ReportFixtures.coded();
        List<Turn> turns = new java.util.ArrayList<>(coded.turns());
        Turn first = turns.get(0);
        turns.set(0, new Turn(first.number(), first.line(), first.speaker(), first.text(), null, List.of(), null, List.of(), null));
        SessionView s = new SessionView(coded.name(), coded.source(), coded.target(), turns, null, List.of());
        String page = ReportPage.session(s, null, false);
        assertThat(page).contains("Summary scores were not computed for this session.");
        assertThat(count(page, "<span class=\"hc none\">not coded</span>")).isEqualTo(1);
    }

    @Test
    void everyTurnIsInTheTimelineAndTheTranscript() {
        SessionView s = ReportFixtures.coded();
        String page = ReportPage.session(s, "index.html", false);
        for (Turn t : s.turns()) {
            assertThat(page).contains("<a href=\"#t" + t.number() + "\"").contains("id=\"t" + t.number() + "\" data-turn=\"" + t.number() + "\"");
        }
        assertThat(count(page, "data-turn=")).isEqualTo(s.turns().size());
        // Every client sentence is focusable and described by its tooltip.
        long sentences = s.turns().stream().mapToLong(t -> t.sentences().size()).sum();
        assertThat(count(page, "tabindex=\"0\" aria-describedby=\"t")).isEqualTo((int) sentences + (int) s.counselorTurns());
        assertThat(page).contains("decided by <code>ABILITY_CANNOT</code> \u2013 what the rule looks for; on <span class=\"words\">\u201cI can&#39;t see myself\u201d</span>");
        assertThat(page).contains("<b>ability</b> \u00b7 sustain talk (A\u2212)").contains("No rule fired: neutral by default.");
        assertThat(page).contains("href=\"index.html\"").contains("<span class=\"amb\">ambivalent</span>");
    }

    @Test
    void severalSessionsOnOnePageHaveDistinctAnchors() {
        String page = ReportPage.combined(List.of(ReportFixtures.coded(), ReportFixtures.uncoded()), false);
        assertThat(page).contains("href=\"#s1-session\"").contains("href=\"#s2-session\"")
                .contains("id=\"s1-t3\"").contains("id=\"s2-t3\"").contains("<a href=\"#s2-t3\"");
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(page);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("duplicate id " + ids.group(1)).isTrue();
        }
    }

    @Test
    void hostileTextIsEscapedEverywhere() {
        String evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)> ' \u0000\u0007\u001b[31m\u0085\uD800 &amp; </style>";
        Sentence s = new Sentence(0, evil.length(), Label.DESIRE, Direction.CHANGE, Kind.DESIRE, evil,
                List.of(new Rule(evil, evil, evil, true, false), new Rule(evil, null, evil, false, true)));
        List<Turn> turns = List.of(
                new Turn(1, 1, Speaker.COUNSELOR, evil, null, List.of(), new HelperCode(evil, evil, true, List.of(evil)), List.of(), null),
                new Turn(2, 2, Speaker.CLIENT, evil, Label.DESIRE, List.of(s), null, List.of(evil), null),
                new Turn(3, 3, null, evil, null, List.of(), null, List.of(), evil));
        SessionView v = new SessionView(evil, evil, evil, turns, null, List.of());
        for (String page : List.of(ReportPage.session(v, evil, false), ReportPage.index(List.of(v), List.of(evil), false),
                ReportPage.combined(List.of(v, v), false))) {
            assertThat(page.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script").doesNotContain("<img")
                    .doesNotContain("alert('x')");
            assertThat(count(page, "</style>")).isEqualTo(1);
            assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                    .contains("&amp;amp;");
            assertThat(page.chars().filter(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)
                    || Character.isSurrogate((char) c))).isEmpty();
        }
    }

    @Test
    void pagesLoadNothingAndTheirStyleMatchesTheirPolicy() throws Exception {
        for (String page : List.of(ReportPage.session(ReportFixtures.coded(), "index.html", false),
                ReportPage.index(List.of(ReportFixtures.coded()), List.of("a.html"), false))) {
            assertThat(page).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img").doesNotContain("@import")
                    .doesNotContain("url(").doesNotContain("http:").doesNotContain("https:").doesNotContain(" style=\"")
                    .doesNotContain("src=");
            Matcher csp = Pattern.compile("content=\"default-src &#39;none&#39;; style-src &#39;sha256-([A-Za-z0-9+/=]+)&#39;").matcher(page);
            assertThat(csp.find()).isTrue();
            String style = page.substring(page.indexOf("<style>") + 7, page.indexOf("</style>"));
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
            assertThat(csp.group(1)).isEqualTo(hash);
            assertThat(style).contains("@media print").contains(":focus");
        }
    }
}
