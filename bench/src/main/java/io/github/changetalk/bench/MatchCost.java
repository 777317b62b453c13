package io.github.changetalk.bench;

import edu.stanford.nlp.ling.CoreLabel;
import io.github.changetalk.internal.match.MatchingRules;
import io.github.changetalk.internal.match.RuleMatcher;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.pack.GraphKind;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.compile.RuleCompiler;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.shortcut.PatternHints;
import io.github.changetalk.internal.shortcut.TriggerGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The cost of rule matching alone, per sentence, for synthetic packs of growing size: sentences are
 * tagged and parsed once up front, so only matching is timed (trigger keys included), with gating on
 * (candidates by trigger) and off (every rule, every pattern).
 */
public final class MatchCost {
    private static final Supplier<List<SentenceView>> NO_CONTEXT = List::of;

    private MatchCost() {
    }

    public record Row(int rules, double candidatesPerSentence, double gatedMicros, double ungatedMicros) {
    }

    /** A sentence with the text its offsets point into. */
    private record Sample(String text, SentenceView view) {
    }

    public static List<Row> run(Analyzer analyzer, List<String> utterances, int[] sizes, double secondsPerPoint) {
        List<Sample> samples = new ArrayList<>();
        for (String u : utterances) {
            for (SentenceView v : analyzer.analyze(u)) {
                v.graph(GraphKind.BASIC); // parse now: only matching is timed below
                samples.add(new Sample(u, v));
            }
        }
        List<String> vocabulary = vocabulary(samples);
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            String yaml = SyntheticPack.yaml("synthetic" + size, size, vocabulary, 42 + size);
            RuleCatalog catalog = new RuleCatalog(List.of(PackParser.parse("synthetic-" + size + ".yaml", yaml)), Set.of());
            RuleSet rules = RuleCompiler.compile(catalog, null, Analyzer::tokenizeEntry);
            MatchingRules gated = new MatchingRules(rules, TriggerGate.of(rules, PatternHints.NONE));
            double candidates = 0;
            for (Sample s : samples) {
                candidates += gated.shortcuts().on(s.view()).candidates().length;
            }
            double on = microsPerSentence(gated, samples, secondsPerPoint);
            double off = microsPerSentence(MatchingRules.plain(rules), samples, secondsPerPoint);
            rows.add(new Row(size, candidates / samples.size(), on, off));
        }
        return rows;
    }

    private static double microsPerSentence(MatchingRules rules, List<Sample> samples, double seconds) {
        matchAll(rules, samples); // warm-up
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long matched = 0;
        do {
            matchAll(rules, samples);
            matched += samples.size();
        } while (System.nanoTime() - start < budget);
        return (System.nanoTime() - start) / 1e3 / matched;
    }

    private static void matchAll(MatchingRules rules, List<Sample> samples) {
        for (Sample s : samples) {
            // A matcher per sentence, as per call: what the shortcuts work out of a sentence (its trigger
            // keys among it) is part of matching and is worked out afresh.
            rules.matcher(NO_CONTEXT, s.text(), false, RuleMatcher.DEFAULT_STEP_LIMIT).match(s.view());
        }
    }

    /** Content lemmas of the sentences, most frequent first, skipping the very commonest. */
    private static List<String> vocabulary(List<Sample> samples) {
        Map<String, Integer> counts = new HashMap<>();
        for (Sample s : samples) {
            for (CoreLabel t : s.view().tokens()) {
                String lemma = t.lemma() == null ? "" : t.lemma().toLowerCase(java.util.Locale.ROOT);
                if (t.tag() != null && t.tag().matches("VB.*|NN.*|JJ.*|RB.*") && lemma.matches("[a-z]{3,}")) {
                    counts.merge(lemma, 1, Integer::sum);
                }
            }
        }
        List<String> ranked = new ArrayList<>(counts.keySet());
        ranked.sort((a, b) -> counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a) : a.compareTo(b));
        List<String> out = ranked.subList(Math.min(10, ranked.size()), Math.min(510, ranked.size()));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the input has too few distinct words to build synthetic rules from");
        }
        return out;
    }
}
