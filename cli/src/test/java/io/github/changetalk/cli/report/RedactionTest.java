package io.github.changetalk.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A redacted page depends on the labels alone: no word of the transcript, the rules' words or the helper's evidence. */
class RedactionTest {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_'\u2019]+");

    /** Every text swapped for made-up words of the same count, the labels left as they are. */
    private static UnaryOperator<String> scrambler() {
        Map<String, String> seen = new HashMap<>();
        return s -> {
            Matcher m = WORD.matcher(s);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, seen.computeIfAbsent(m.group().toLowerCase(Locale.ROOT), k -> "zq" + Integer.toString(seen.size(), 36) + "x"));
            }
            m.appendTail(b);
            return b.toString();
        };
    }

    @Test
    void aRedactedPageIsTheSameWhateverTheTranscriptSaid() {
        for (boolean coded : new boolean[] {true, false}) {
            SessionView real = ReportFixtures.session(coded, UnaryOperator.identity());
            SessionView other = ReportFixtures.session(coded, scrambler());
            assertThat(real.turns().get(1).text()).isNotEqualTo(other.turns().get(1).text());
            String a = ReportPage.session(Redaction.redact(real, 1), "index.html", true);
            String b = ReportPage.session(Redaction.redact(other, 1), "index.html", true);
            assertThat(a).isEqualTo(b);
            assertThat(ReportPage.index(Reports.prepare(List.of(real), true), List.of("session-1.html"), true))
                    .isEqualTo(ReportPage.index(Reports.prepare(List.of(other), true), List.of("session-1.html"), true));
        }
    }

    @Test
    void noWordOfTheTranscriptRulesWordsOrEvidenceIsLeft() {
        SessionView real = ReportFixtures.coded();
        String page = ReportPage.session(Redaction.redact(real, 3), null, true);
        Set<String> transcript = new TreeSet<>();
        for (SessionView.Turn t : real.turns()) {
            transcript.addAll(ReportFixtures.words(t.text()));
            t.sentences().forEach(s -> s.rules().forEach(r -> transcript.addAll(ReportFixtures.words(r.words() + " " + r.description()))));
            if (t.helper() != null) {
                t.helper().evidence().forEach(e -> transcript.addAll(ReportFixtures.words(e)));
            }
        }
        transcript.addAll(ReportFixtures.words(real.name() + " " + real.source()));
        Set<String> left = new TreeSet<>(ReportFixtures.words(ReportFixtures.visibleText(page)));
        left.retainAll(transcript);
        // What remains are the report's own words (labels, helper codes' names, headings), never quotes.
        assertThat(left).isSubsetOf(Set.of("what", "i", "you", "your", "turn", "the", "a", "to", "it", "of", "and", "is", "in", "at",
                "on", "my", "want", "back", "this", "week", "more", "than", "see", "one", "not", "that", "be", "its", "by", "or", "as",
                "are", "each", "here", "with", "ability", "desire", "reason", "need", "for", "rule"));
        for (String quote : List.of("arcade", "sister", "evenings", "tuesday", "deleted", "weeknights", "honestly", "costing")) {
            assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain(quote);
        }
        assertThat(page).contains("Session 3").contains("[reason change talk]").contains("[ability sustain talk]")
                .contains("[advise without permission]").contains("<code>DESIRE_WANT</code>").contains("Redacted copy.");
    }
}
