package io.github.changetalk.internal.compile;

import io.github.changetalk.TestCorpus;
import io.github.changetalk.internal.pack.PackSources;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The default packs and the testdata sentences, as the rule-level tests compile and match them. */
public final class DefaultRules {
    private DefaultRules() {
    }

    /** The catalog of the default packs plus {@code extra}, no rule disabled. */
    public static RuleCatalog catalog(PackSpec... extra) {
        List<PackSpec> specs = new ArrayList<>();
        for (PackSources.Source s : PackSources.defaults()) {
            specs.add(PackParser.parse(s.name(), s.text()));
        }
        specs.addAll(List.of(extra));
        return new RuleCatalog(specs, Set.of());
    }

    /** The default packs compiled for every target, every pattern parsed at load. */
    public static RuleSet compiled() {
        return RuleCompiler.compile(catalog(), null, Analyzer::tokenizeEntry);
    }

    /** Every token pattern of every rule, in load order (a shared pattern once per rule using it). */
    public static List<CompiledPattern.Tokens> tokenPatterns(RuleSet rules) {
        List<CompiledPattern.Tokens> out = new ArrayList<>();
        for (CompiledRule r : rules.rules()) {
            for (CompiledPattern p : r.allPatterns()) {
                if (p instanceof CompiledPattern.Tokens t) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Every sentence of every testdata utterance, tagged by {@code analyzer}. */
    public static List<SentenceView> testdataSentences(Analyzer analyzer) {
        List<SentenceView> out = new ArrayList<>();
        for (String u : TestCorpus.utterances()) {
            out.addAll(analyzer.analyze(u));
        }
        return out;
    }
}
