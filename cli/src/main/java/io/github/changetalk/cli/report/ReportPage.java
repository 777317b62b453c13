package io.github.changetalk.cli.report;

import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import io.github.changetalk.cli.eval.SessionSummary;
import io.github.changetalk.cli.report.SessionView.HelperCode;
import io.github.changetalk.cli.report.SessionView.HelperScores;
import io.github.changetalk.cli.report.SessionView.Rule;
import io.github.changetalk.cli.report.SessionView.Sentence;
import io.github.changetalk.cli.report.SessionView.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders session reports as self-contained HTML pages: one stylesheet inline, charts as inline SVG,
 * no script, no font, image or link to load, and a Content-Security-Policy that forbids loading
 * anything (so not even hostile text that slipped through escaping could fetch a resource). Tooltips
 * are CSS only (:hover and :focus). Every string from the input goes through {@link Html#escape}.
 * The output depends only on the {@link SessionView}s given: no clock, no locale.
 */
public final class ReportPage {
    private static final String STATIC_CSS = load("report.css");
    private static final String CSS = Palette.cssVariables() + kindRules() + STATIC_CSS;
    private static final String CSP = "default-src 'none'; style-src 'sha256-" + sha256(CSS)
            + "'; base-uri 'none'; form-action 'none'";

    private ReportPage() {
    }

    /** One session's page; {@code indexHref} links back to the index (null when there is none). */
    public static String session(SessionView s, String indexHref, boolean redacted) {
        StringBuilder b = new StringBuilder(64 * 1024);
        head(b, s.name() + " \u00b7 changetalk session report");
        b.append("<a class=\"skip\" href=\"#transcript\">Skip to the transcript</a>\n<header class=\"page-head\">");
        if (indexHref != null) {
            b.append("<p class=\"crumbs\"><a href=\"").append(Html.escape(indexHref)).append("\">\u2190 All sessions</a></p>");
        }
        b.append("<h1>").append(Html.escape(s.name())).append("</h1>");
        meta(b, s);
        if (redacted) {
            redactedNotice(b);
        }
        b.append("</header>\n<main>");
        sessionBody(b, s, "", 2);
        b.append("</main>\n");
        foot(b);
        return b.toString();
    }

    /** The index of several sessions; {@code hrefs.get(i)} links to session i (null: no link). */
    public static String index(List<SessionView> sessions, List<String> hrefs, boolean redacted) {
        StringBuilder b = new StringBuilder(16 * 1024);
        head(b, "Session reports \u00b7 changetalk");
        b.append("<header class=\"page-head\"><h1>Session reports</h1>");
        indexMeta(b, sessions);
        if (redacted) {
            redactedNotice(b);
        }
        b.append("</header>\n<main>");
        indexTable(b, sessions, hrefs);
        b.append("</main>\n");
        foot(b);
        return b.toString();
    }

    /** Several sessions on one page (what {@code classify --format html} writes): an index, then each session. */
    public static String combined(List<SessionView> sessions, boolean redacted) {
        if (sessions.size() == 1) {
            return session(sessions.get(0), null, redacted);
        }
        StringBuilder b = new StringBuilder(64 * 1024 * Math.max(1, sessions.size()));
        head(b, "Session reports \u00b7 changetalk");
        b.append("<header class=\"page-head\"><h1>Session reports</h1>");
        indexMeta(b, sessions);
        if (redacted) {
            redactedNotice(b);
        }
        b.append("</header>\n<main>");
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            hrefs.add("#" + prefix(i) + "session");
        }
        indexTable(b, sessions, hrefs);
        for (int i = 0; i < sessions.size(); i++) {
            SessionView s = sessions.get(i);
            String p = prefix(i);
            b.append("<section class=\"session\" id=\"").append(p).append("session\" aria-labelledby=\"").append(p)
                    .append("title\"><h2 class=\"session-title\" id=\"").append(p).append("title\">").append(Html.escape(s.name()))
                    .append("</h2>");
            meta(b, s);
            sessionBody(b, s, p, 3);
            b.append("</section>\n");
        }
        b.append("</main>\n");
        foot(b);
        return b.toString();
    }

    private static String prefix(int i) {
        return "s" + (i + 1) + "-";
    }

    // ---- page frame -------------------------------------------------------------------------------

    private static void head(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(Html.escape(CSP)).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"changetalk").append(version().isEmpty() ? "" : " " + Html.escape(version()))
                .append("\">\n<title>").append(Html.escape(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    }

    private static void foot(StringBuilder b) {
        b.append("<footer class=\"page-foot\"><p>Written by changetalk").append(version().isEmpty() ? "" : " " + Html.escape(version()))
                .append(". Labels are the suggestions of hand-written rules, not a coder's judgement; each session's transcript")
                .append(" shows the rules and words behind every label. Nothing on this page loads from the network.</p></footer>\n")
                .append("</body>\n</html>\n");
    }

    private static void redactedNotice(StringBuilder b) {
        b.append("<p class=\"notice\" role=\"note\"><strong>Redacted copy.</strong> Every word of the transcript is replaced")
                .append(" by its label; rule names are kept, the words they matched are not.</p>");
    }

    private static void meta(StringBuilder b, SessionView s) {
        b.append("<p class=\"meta\">");
        b.append("<span>Target behaviour: ").append(s.target() == null ? "none set" : Html.escape(s.target())).append("</span>");
        b.append("<span>").append(s.turns().size()).append(" turns (").append(s.clientTurns()).append(" client, ")
                .append(s.counselorTurns()).append(" counselor)</span>");
        if (s.source() != null) {
            // The file's name, not its path: a path can name the machine's users and folders.
            java.nio.file.Path name = fileName(s.source());
            b.append("<span>").append(Html.escape(name == null ? s.source() : name.toString())).append("</span>");
        }
        if (!s.emptyLines().isEmpty()) {
            b.append("<span>empty lines not shown: ").append(Html.escape(joinLines(s.emptyLines()))).append("</span>");
        }
        b.append("</p>");
    }

    private static java.nio.file.Path fileName(String source) {
        try {
            return java.nio.file.Path.of(source).getFileName();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static String joinLines(List<Long> lines) {
        StringBuilder j = new StringBuilder();
        int shown = Math.min(lines.size(), 12);
        for (int i = 0; i < shown; i++) {
            j.append(i == 0 ? "line " : ", ").append(lines.get(i));
        }
        if (lines.size() > shown) {
            j.append(" and ").append(lines.size() - shown).append(" more");
        }
        return j.toString();
    }

    // ---- one session ------------------------------------------------------------------------------

    private static void sessionBody(StringBuilder b, SessionView s, String p, int h) {
        b.append("<section class=\"panel timeline-panel\" aria-labelledby=\"").append(p).append("h-timeline\">");
        heading(b, h, p + "h-timeline", "Timeline");
        b.append("<p class=\"hint\">One column per turn. Client change talk stands above the line and sustain talk hangs")
                .append(" below it, one block per sentence, in its kind's colour and letter; counselor turns sit on the line.")
                .append(" Select a column to go to its turn.</p>");
        b.append(TimelineChart.render(s, p));
        legend(b, s);
        b.append("</section>\n<div class=\"cols\">");
        b.append("<section class=\"panel\" aria-labelledby=\"").append(p).append("h-scores\">");
        heading(b, h, p + "h-scores", "Scores");
        clientScores(b, s, h + 1);
        helperScores(b, s, h + 1);
        b.append("</section>");
        b.append("<section class=\"panel\" aria-labelledby=\"").append(p).append("h-profile\">");
        heading(b, h, p + "h-profile", "Change-talk profile");
        b.append("<p class=\"hint\">Client sentences of each kind: change talk to the right (filled), sustain talk to the left (outlined).</p>");
        b.append(ProfileChart.render(s));
        long neutral = s.turns().stream().filter(Turn::isClient).mapToLong(t -> t.count(Direction.NEUTRAL)).sum();
        b.append("<p class=\"hint\">").append(neutral).append(neutral == 1 ? " neutral sentence" : " neutral sentences").append(" not shown.</p>");
        b.append("</section></div>\n");
        b.append("<section class=\"panel\" id=\"").append(p.isEmpty() ? "transcript" : p + "transcript")
                .append("\" aria-labelledby=\"").append(p).append("h-transcript\">");
        heading(b, h, p + "h-transcript", "Transcript");
        b.append("<p class=\"hint\">Client sentences are highlighted by label; hover over or focus one (Tab) to see its kind,")
                .append(" direction and the rules and words that decided it.</p><ol class=\"turns\">");
        boolean coded = s.helperCoded();
        for (Turn t : s.turns()) {
            turn(b, t, p, coded);
        }
        b.append("</ol>");
        if (!coded) {
            b.append("<p class=\"hint\">Counselor turns are not coded in this report.</p>");
        }
        b.append("</section>\n");
    }

    private static void heading(StringBuilder b, int level, String id, String text) {
        b.append("<h").append(level).append(" id=\"").append(Html.escape(id)).append("\">").append(Html.escape(text))
                .append("</h").append(level).append('>');
    }

    private static void legend(StringBuilder b, SessionView s) {
        b.append("<ul class=\"legend\" aria-label=\"Legend\"><li class=\"group\">Change talk</li>");
        for (Kind k : Kind.values()) {
            b.append("<li>").append(badge(Direction.CHANGE, k)).append(' ').append(Vocabulary.name(k)).append("</li>");
        }
        b.append("</ul><ul class=\"legend\" aria-label=\"Legend, continued\"><li class=\"group\">Sustain talk</li><li>")
                .append(badge(Direction.SUSTAIN, Kind.ABILITY)).append(" outlined, same letters</li>")
                .append("<li><span class=\"badge dir-neutral\" aria-hidden=\"true\">|</span> neutral client turn</li>")
                .append("<li class=\"group\">Counselor</li>");
        if (s.helperCoded()) {
            b.append("<li><span class=\"hc reflection\">CR</span> reflection</li>")
                    .append("<li><span class=\"hc question\">OQ</span> question</li>")
                    .append("<li><span class=\"hc inconsistent\">!DI</span> MI-inconsistent</li>")
                    .append("<li><span class=\"hc other\">GI</span> other</li>");
        }
        b.append("<li><span class=\"hc none\" aria-hidden=\"true\">\u2022</span> not coded</li></ul>");
    }

    private static String badge(Direction d, Kind k) {
        return "<span class=\"badge dir-" + d.id() + " k-" + (k == null ? "none" : k.id()) + "\">"
                + Html.escape(Vocabulary.code(d, k)) + "</span>";
    }

    private static void clientScores(StringBuilder b, SessionView s, int h) {
        SessionSummary.Counts c = s.counts();
        b.append("<h").append(h).append(">Client talk</h").append(h).append('>');
        double share = c.share();
        String pct = Double.isNaN(share) ? "no change or sustain talk" : percent(share);
        b.append("<p class=\"share-line\"><span>Change-talk share CT/(CT+ST)</span> <strong>").append(pct).append("</strong>");
        if (!Double.isNaN(share)) {
            b.append(ProfileChart.shareBar(share, "Change-talk share " + pct));
            b.append("<span class=\"muted\">").append(c.changeTalk()).append(" of ").append(c.changeTalk() + c.sustainTalk()).append("</span>");
        }
        b.append("</p>");
        // Preparatory kinds beside mobilizing ones, then sustain beside neutral: half the height of one column.
        Label[][] rows = {
            {Label.DESIRE, Label.COMMITMENT}, {Label.ABILITY, Label.ACTIVATION}, {Label.REASON, Label.TAKING_STEPS},
            {Label.NEED, null}, {Label.SUSTAIN, Label.NEUTRAL}};
        b.append("<table class=\"counts\"><caption class=\"hint\">Client turns by label, one label per turn</caption>")
                .append("<thead><tr><th scope=\"col\">Label</th><th scope=\"col\" class=\"num\">Turns</th>")
                .append("<th scope=\"col\">Label</th><th scope=\"col\" class=\"num\">Turns</th></tr></thead><tbody>");
        for (Label[] row : rows) {
            b.append("<tr>");
            for (Label l : row) {
                if (l == null) {
                    b.append("<td></td><td></td>");
                    continue;
                }
                b.append("<th scope=\"row\">").append(labelBadge(l)).append(' ').append(Vocabulary.name(l))
                        .append("</th><td class=\"num\">").append(c.count(l)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody><tfoot><tr><th scope=\"row\">change talk</th><td class=\"num\">").append(c.changeTalk())
                .append("</td><th scope=\"row\">sustain talk</th><td class=\"num\">").append(c.sustainTalk())
                .append("</td></tr></tfoot></table>");
    }

    /** A label's badge in the counts: its kind's code for change talk, a minus for sustain talk, a dot for neutral. */
    private static String labelBadge(Label l) {
        return switch (l) {
            case SUSTAIN -> "<span class=\"badge dir-sustain k-none\">" + Vocabulary.MINUS + "</span>";
            case NEUTRAL -> "<span class=\"badge dir-neutral\">\u00b7</span>";
            default -> badge(Direction.CHANGE, Kind.valueOf(l.name()));
        };
    }

    private static void helperScores(StringBuilder b, SessionView s, int h) {
        b.append("<h").append(h).append(">Helper talk against MITI 4.2</h").append(h).append('>');
        HelperScores sc = s.helperScores();
        if (sc == null && !s.helperCoded()) {
            b.append("<p class=\"not-coded\">Counselor turns are not coded in this report. Reflection-to-question ratio,")
                    .append(" complex-reflection share, open-question share and the MI-inconsistent count appear here when they are.</p>");
            return;
        }
        if (sc == null) {
            b.append("<p class=\"not-coded\">Summary scores were not computed for this session.</p>");
        } else {
            b.append("<table class=\"miti\"><caption class=\"hint\">MITI 4.2 thresholds: R:Q fair 1:1, good 2:1;")
                    .append(" complex reflections fair 40%, good 50%</caption><thead><tr><th scope=\"col\">Measure</th>")
                    .append("<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Band</th></tr></thead><tbody>");
            scoreRow(b, "Reflection-to-question ratio (R:Q)", ratio(sc.reflectionToQuestion()),
                    MitiBand.reflectionToQuestion(sc.reflectionToQuestion()));
            scoreRow(b, "Complex reflections", share(sc.complexReflectionShare()),
                    MitiBand.complexReflectionShare(sc.complexReflectionShare()));
            scoreRow(b, "Open questions", share(sc.openQuestionShare()),
                    sc.openQuestionShare() == null ? MitiBand.NOT_AVAILABLE : MitiBand.NONE);
            scoreRow(b, "MI-inconsistent behaviours", sc.miInconsistent() == null ? "\u2013" : sc.miInconsistent().toString(),
                    sc.miInconsistent() == null ? MitiBand.NOT_AVAILABLE : MitiBand.NONE);
            if (sc.miConsistentShare() != null) {
                scoreRow(b, "MI-consistent share", share(sc.miConsistentShare()), MitiBand.NONE);
            }
            if (sc.miAdherence() != null) {
                scoreRow(b, "MI adherence", share(sc.miAdherence()), MitiBand.NONE);
            }
            b.append("</tbody></table>");
        }
        Map<String, Integer> tally = new TreeMap<>();
        for (Turn t : s.turns()) {
            if (t.helper() != null && t.helper().code() != null) {
                tally.merge(t.helper().code().strip().toUpperCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        if (!tally.isEmpty()) {
            b.append("<p class=\"hint\">Helper codes: ");
            boolean first = true;
            for (Map.Entry<String, Integer> e : tally.entrySet()) {
                b.append(first ? "" : ", ").append(Html.escape(e.getKey())).append(' ').append(e.getValue());
                first = false;
            }
            b.append(".</p>");
        }
    }

    private static void scoreRow(StringBuilder b, String name, String value, MitiBand band) {
        b.append("<tr><th scope=\"row\">").append(Html.escape(name)).append("</th><td class=\"num\">").append(Html.escape(value))
                .append("</td><td><span class=\"band ").append(band.name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\">")
                .append(Html.escape(band.text())).append("</span></td></tr>");
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String share(Double v) {
        return v == null || v.isNaN() ? "\u2013" : percent(v);
    }

    private static String ratio(Double v) {
        if (v == null || v.isNaN()) {
            return "\u2013";
        }
        if (v.isInfinite()) {
            return "no questions";
        }
        return String.format(Locale.ROOT, "%.1f : 1", v);
    }

    // ---- transcript -------------------------------------------------------------------------------

    private static void turn(StringBuilder b, Turn t, String p, boolean coded) {
        String role = t.isClient() ? "client" : t.isCounselor() ? "counselor" : "error";
        b.append("<li class=\"turn ").append(role).append("\" id=\"").append(p).append('t').append(t.number())
                .append("\" data-turn=\"").append(t.number()).append("\"><div class=\"who\"><span class=\"num\">")
                .append(t.number()).append("</span><span class=\"line\">line ").append(t.line()).append("</span></div><div class=\"who\">");
        b.append("<span class=\"spk\">").append(t.isClient() ? "Client" : t.isCounselor() ? "Counselor" : "Unreadable record").append("</span>");
        if (t.isClient() && t.label() != null) {
            Direction d = t.label().direction();
            Kind k = t.label() == Label.SUSTAIN ? sustainKind(t) : d == Direction.CHANGE ? Kind.valueOf(t.label().name()) : null;
            b.append("<span class=\"code\"><span class=\"badge dir-").append(d.id())
                    .append(d == Direction.NEUTRAL ? "" : " k-" + (k == null ? "none" : k.id())).append("\">").append(d == Direction.NEUTRAL ? "\u00b7" : Html.escape(Vocabulary.code(d, k))).append("</span> ")
                    .append(Html.escape(Vocabulary.name(t.label())));
            if (t.count(Direction.CHANGE) > 0 && t.count(Direction.SUSTAIN) > 0) {
                b.append("<span class=\"amb\">ambivalent</span>");
            }
            b.append("</span>");
        } else if (t.isCounselor() && coded) {
            helperBadge(b, t, p);
        }
        b.append("</div>");
        if (t.isClient()) {
            clientText(b, t, p);
        } else if (t.isCounselor()) {
            b.append("<p class=\"text\">").append(Html.escape(t.text())).append("</p>");
        } else {
            b.append("<p class=\"text\"><span class=\"muted\">Could not be read: ").append(Html.escape(t.error())).append("</span></p>");
        }
        b.append("</li>");
    }

    /** The kind a sustain-labelled turn shows: its first sustain sentence's. */
    private static Kind sustainKind(Turn t) {
        for (Sentence s : t.sentences()) {
            if (s.direction() == Direction.SUSTAIN) {
                return s.kind();
            }
        }
        return null;
    }

    private static void helperBadge(StringBuilder b, Turn t, String p) {
        HelperCode h = t.helper();
        b.append("<span class=\"code\">");
        if (h == null || h.code() == null) {
            b.append("<span class=\"hc none\">not coded</span>");
        } else {
            String id = p + "t" + t.number() + "h";
            String code = h.code().strip().toUpperCase(Locale.ROOT);
            b.append("<span class=\"hc-wrap\" tabindex=\"0\" aria-describedby=\"").append(id).append("\"><span class=\"hc ")
                    .append(HelperStyle.of(h)).append("\">").append(h.miInconsistent() ? "!" : "").append(Html.escape(code))
                    .append("</span><span class=\"tip\" role=\"tooltip\" id=\"").append(id).append("\"><span><b>")
                    .append(Html.escape(Vocabulary.helperName(code))).append("</b>");
            if (h.behaviour() != null) {
                b.append(" \u00b7 ").append(Html.escape(h.behaviour()));
            }
            b.append(h.miInconsistent() ? " \u00b7 MI-inconsistent" : "").append("</span>");
            for (String e : h.evidence()) {
                b.append("<span>").append(Html.escape(e)).append("</span>");
            }
            b.append("</span></span> ").append(Html.escape(Vocabulary.helperName(code)));
        }
        b.append("</span>");
    }

    private static void clientText(StringBuilder b, Turn t, String p) {
        String text = t.text() == null ? "" : t.text();
        b.append("<p class=\"text\">");
        int at = 0;
        int i = 0;
        for (Sentence s : t.sentences()) {
            int begin = Math.max(at, Math.min(s.begin(), text.length()));
            int end = Math.max(begin, Math.min(s.end(), text.length()));
            b.append(Html.escape(text.substring(at, begin)));
            String id = p + "t" + t.number() + "s" + (++i);
            String kind = s.kind() == null ? "none" : s.kind().id();
            b.append("<span class=\"s dir-").append(s.direction().id()).append(" k-").append(kind)
                    .append("\" tabindex=\"0\" aria-describedby=\"").append(id).append("\">");
            if (s.direction() != Direction.NEUTRAL) {
                b.append("<span class=\"tag\" aria-hidden=\"true\">").append(Html.escape(Vocabulary.code(s.direction(), s.kind()))).append("</span>");
            }
            b.append(Html.escape(text.substring(begin, end)));
            tip(b, s, id);
            b.append("</span>");
            at = end;
        }
        b.append(Html.escape(text.substring(at)));
        if (!t.notices().isEmpty()) {
            b.append("<span class=\"notes\">note: ").append(Html.escape(String.join("; ", t.notices()))).append("</span>");
        }
        b.append("</p>");
    }

    private static void tip(StringBuilder b, Sentence s, String id) {
        b.append("<span class=\"tip\" role=\"tooltip\" id=\"").append(id).append("\"><span><b>");
        if (s.direction() == Direction.NEUTRAL) {
            b.append("neutral</b>");
        } else {
            b.append(Html.escape(Vocabulary.name(s.kind()))).append("</b> \u00b7 ").append(Vocabulary.name(s.direction()))
                    .append(" (").append(Html.escape(Vocabulary.code(s.direction(), s.kind()))).append(')');
        }
        b.append("</span>");
        if (s.rules().isEmpty()) {
            b.append("<span class=\"muted\">No rule fired: neutral by default.</span>");
        }
        for (Rule r : s.rules()) {
            b.append("<span>").append(r.vetoed() ? "vetoed: " : r.deciding() ? "decided by " : "also fired: ")
                    .append("<code>").append(Html.escape(r.id())).append("</code>");
            if (r.description() != null && !r.description().isBlank()) {
                b.append(" \u2013 ").append(Html.escape(r.description().strip().replaceAll("\\.$", "")));
            }
            if (r.words() != null) {
                b.append(r.vetoed() ? "; vetoed by " : "; on ").append("<span class=\"words\">\u201c").append(Html.escape(r.words()))
                        .append("\u201d</span>");
            }
            b.append("</span>");
        }
        b.append("</span>");
    }

    // ---- index ------------------------------------------------------------------------------------

    private static void indexMeta(StringBuilder b, List<SessionView> sessions) {
        long turns = sessions.stream().mapToLong(s -> s.turns().size()).sum();
        long client = sessions.stream().mapToLong(SessionView::clientTurns).sum();
        b.append("<p class=\"meta\"><span>").append(sessions.size()).append(sessions.size() == 1 ? " session" : " sessions")
                .append("</span><span>").append(turns).append(" turns (").append(client).append(" client)</span></p>");
    }

    private static void indexTable(StringBuilder b, List<SessionView> sessions, List<String> hrefs) {
        boolean helper = sessions.stream().anyMatch(s -> s.helperScores() != null);
        b.append("<section class=\"panel\" aria-labelledby=\"h-index\"><h2 id=\"h-index\">Sessions</h2>")
                .append("<p class=\"hint\">Counts are of client turns, one label per turn; the small timeline shows change talk")
                .append(" above and sustain talk below the line, turn by turn.</p><div class=\"table-wrap\"><table class=\"index\"><thead><tr>")
                .append("<th scope=\"col\">Session</th><th scope=\"col\">Target</th><th scope=\"col\" class=\"num\">Turns</th>")
                .append("<th scope=\"col\" class=\"num\">Client turns</th><th scope=\"col\" class=\"num\">Change talk</th>")
                .append("<th scope=\"col\" class=\"num\">Sustain talk</th><th scope=\"col\" class=\"num\">CT share</th>");
        if (helper) {
            b.append("<th scope=\"col\">R:Q</th><th scope=\"col\">Complex reflections</th>");
        }
        b.append("<th scope=\"col\">Timeline</th></tr></thead><tbody>");
        SessionSummary.Counts all = new SessionSummary.Counts();
        long turns = 0;
        long client = 0;
        for (int i = 0; i < sessions.size(); i++) {
            SessionView s = sessions.get(i);
            SessionSummary.Counts c = s.counts();
            for (Label l : Label.values()) {
                for (long k = 0; k < c.count(l); k++) {
                    all.add(l);
                }
            }
            turns += s.turns().size();
            client += s.clientTurns();
            String href = hrefs.get(i);
            b.append("<tr><th scope=\"row\">");
            if (href != null) {
                b.append("<a href=\"").append(Html.escape(href)).append("\">").append(Html.escape(s.name())).append("</a>");
            } else {
                b.append(Html.escape(s.name()));
            }
            b.append("</th><td>").append(s.target() == null ? "\u2013" : Html.escape(s.target())).append("</td>");
            countCells(b, s.turns().size(), s.clientTurns(), c);
            if (helper) {
                HelperScores sc = s.helperScores();
                Double rq = sc == null ? null : sc.reflectionToQuestion();
                Double cr = sc == null ? null : sc.complexReflectionShare();
                b.append("<td>").append(Html.escape(ratio(rq))).append(' ').append(bandBadge(MitiBand.reflectionToQuestion(rq)))
                        .append("</td><td>").append(Html.escape(share(cr))).append(' ').append(bandBadge(MitiBand.complexReflectionShare(cr)))
                        .append("</td>");
            }
            b.append("<td>").append(MiniTimeline.render(s)).append("</td></tr>");
        }
        b.append("</tbody><tfoot><tr><th scope=\"row\">All sessions</th><td></td>");
        countCells(b, turns, client, all);
        if (helper) {
            b.append("<td></td><td></td>");
        }
        b.append("<td></td></tr></tfoot></table></div></section>");
    }

    private static void countCells(StringBuilder b, long turns, long client, SessionSummary.Counts c) {
        b.append("<td class=\"num\">").append(turns).append("</td><td class=\"num\">").append(client)
                .append("</td><td class=\"num\">").append(c.changeTalk()).append("</td><td class=\"num\">").append(c.sustainTalk())
                .append("</td><td class=\"num\">").append(Double.isNaN(c.share()) ? "\u2013" : percent(c.share())).append("</td>");
    }

    private static String bandBadge(MitiBand band) {
        if (band == MitiBand.NOT_AVAILABLE) {
            return "";
        }
        return "<span class=\"band " + band.name().toLowerCase(Locale.ROOT) + "\">" + Html.escape(band.text()) + "</span>";
    }

    // ---- resources --------------------------------------------------------------------------------

    /** Per-kind colour rules for sentences and badges, generated so that the stylesheet holds no copy of them. */
    private static String kindRules() {
        StringBuilder b = new StringBuilder();
        List<String> kinds = new ArrayList<>();
        for (Kind k : Kind.values()) {
            kinds.add(k.id());
        }
        kinds.add("none");
        for (String k : kinds) {
            String v = "var(--k-" + k + ")";
            b.append(".s.k-").append(k).append(":not(.dir-neutral){background:var(--k-").append(k).append("-tint);border-bottom-color:")
                    .append(v).append('}')
                    .append(".k-").append(k).append(">.tag,.badge.k-").append(k).append("{border-color:").append(v).append('}')
                    .append(".dir-change.k-").append(k).append(">.tag,.badge.dir-change.k-").append(k).append("{background:").append(v).append('}')
                    .append(".dir-sustain.k-").append(k).append(">.tag,.badge.dir-sustain.k-").append(k).append("{color:").append(v).append('}');
        }
        return b.toString();
    }

    private static String load(String name) {
        try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String version() {
        String v = ReportPage.class.getPackage().getImplementationVersion();
        return v == null ? "" : v;
    }
}
