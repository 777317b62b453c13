package io.github.changetalk.cli.report;

import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.Label;
import io.github.changetalk.Speaker;
import io.github.changetalk.cli.report.SessionView.HelperCode;
import io.github.changetalk.cli.report.SessionView.HelperScores;
import io.github.changetalk.cli.report.SessionView.Rule;
import io.github.changetalk.cli.report.SessionView.Sentence;
import io.github.changetalk.cli.report.SessionView.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Hand-built view models: what the report will get once counselor turns are coded (issue 14), and the
 * same session uncoded. Texts are written for these tests; {@code words} rewrites every text (and the
 * words rules matched) so that tests can swap the transcript while keeping every label.
 */
public final class ReportFixtures {
    private ReportFixtures() {
    }

    /** A client sentence spec: text, direction, kind, deciding rule (for neutral: a vetoed rule) and the words it matched. */
    record S(String text, Direction direction, Kind kind, String rule, String words, String alsoFired) {
        S(String text, Direction direction, Kind kind, String rule, String words) {
            this(text, direction, kind, rule, words, null);
        }
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_'\u2019]+");

    /** What a reader or a screen reader meets on a page: its text and accessible names, not its markup or stylesheet. */
    public static String visibleText(String html) {
        String noStyle = html.replaceAll("(?s)<style>.*?</style>", " ");
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher attrs = java.util.regex.Pattern.compile("(?:aria-label|title|alt|content)=\"([^\"]*)\"").matcher(noStyle);
        while (attrs.find()) {
            b.append(' ').append(attrs.group(1));
        }
        b.append(' ').append(noStyle.replaceAll("<[^>]*>", " "));
        return b.toString().replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The words of {@code s}, lower-cased (letters, digits, underscores and apostrophes). */
    public static java.util.Set<String> words(String s) {
        java.util.Set<String> w = new java.util.TreeSet<>();
        if (s != null) {
            java.util.regex.Matcher m = WORD.matcher(s);
            while (m.find()) {
                w.add(m.group().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return w;
    }

    public static SessionView coded() {
        return session(true, UnaryOperator.identity());
    }

    static SessionView uncoded() {
        return session(false, UnaryOperator.identity());
    }

    public static SessionView session(boolean coded, UnaryOperator<String> words) {
        List<Turn> turns = new ArrayList<>();
        counselor(turns, coded, words, "What brings you here this week?", new HelperCode("question", "OQ", false,
                List.of("HELPER_WHAT_QUESTION: \u201cWhat brings\u201d")));
        client(turns, words, new S("Honestly my sister booked it.", Direction.NEUTRAL, null, null, null),
                new S("The late nights at the arcade cost me a lot.", Direction.CHANGE, Kind.REASON, "REASON_COST_OF_IT", "cost me"));
        counselor(turns, coded, words, "It has been costing you more than money.", new HelperCode("reflection", "CR", false, List.of()));
        client(turns, words, new S("But I can't see myself giving it up.", Direction.SUSTAIN, Kind.ABILITY, "ABILITY_CANNOT", "I can't see myself"),
                new S("I really want my evenings back though.", Direction.CHANGE, Kind.DESIRE, "DESIRE_WANT", "I really want",
                        "DESIRE_REALLY"));
        counselor(turns, coded, words, "You should just stay home on weeknights.", new HelperCode("input", "ADW", true,
                List.of("ADVICE_SHOULD: \u201cYou should\u201d")));
        client(turns, words, new S("Maybe.", Direction.NEUTRAL, null, "ACTIVATION_MAYBE", "Maybe"));
        counselor(turns, coded, words, "You want your evenings back.", new HelperCode("reflection", "SR", false, List.of()));
        client(turns, words, new S("I will leave the card at home on Tuesday.", Direction.CHANGE, Kind.COMMITMENT, "COMMIT_WILL", "I will"),
                new S("I already deleted the app yesterday.", Direction.CHANGE, Kind.TAKING_STEPS, "STEPS_ALREADY_DID", "already deleted"));
        counselor(turns, coded, words, "Is Tuesday your usual night?", new HelperCode("question", "CQ", false, List.of()));
        HelperScores scores = coded ? new HelperScores(1.5, 0.45, 0.5, 1, 0.8, 0.9) : null;
        return new SessionView(words.apply("arcade-evenings"), words.apply("notes/arcade-evenings.txt"), "gambling", turns, scores,
                List.of(12L));
    }

    private static void counselor(List<Turn> turns, boolean coded, UnaryOperator<String> words, String text, HelperCode code) {
        HelperCode c = coded ? new HelperCode(code.behaviour(), code.code(), code.miInconsistent(),
                code.evidence().stream().map(words).toList()) : null;
        turns.add(new Turn(turns.size() + 1, turns.size() + 2, Speaker.COUNSELOR, words.apply(text), null, List.of(), c, List.of(), null));
    }

    private static void client(List<Turn> turns, UnaryOperator<String> words, S... sentences) {
        StringBuilder text = new StringBuilder();
        List<Sentence> out = new ArrayList<>();
        Label turnLabel = Label.NEUTRAL;
        for (S s : sentences) {
            if (text.length() > 0) {
                text.append(' ');
            }
            int begin = text.length();
            text.append(words.apply(s.text()));
            Label label = Label.of(s.direction(), s.kind());
            // A neutral sentence with a rule: the rule matched and was vetoed.
            boolean vetoed = s.direction() == Direction.NEUTRAL;
            List<Rule> rules = new ArrayList<>();
            if (s.rule() != null) {
                rules.add(new Rule(s.rule(), words.apply("what the rule looks for"), words.apply(s.words()), !vetoed, vetoed));
            }
            if (s.alsoFired() != null) {
                rules.add(new Rule(s.alsoFired(), null, words.apply("really"), false, false));
            }
            out.add(new Sentence(begin, text.length(), label, s.direction(), s.kind(), vetoed ? null : s.rule(), rules));
            if (label != Label.NEUTRAL) {
                turnLabel = label;
            }
        }
        turns.add(new Turn(turns.size() + 1, turns.size() + 2, Speaker.CLIENT, text.toString(), turnLabel, out, null,
                List.of(), null));
    }
}
