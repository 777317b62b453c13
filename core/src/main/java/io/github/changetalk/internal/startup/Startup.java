package io.github.changetalk.internal.startup;

import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.compile.RuleCompiler;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSources;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.shortcut.PatternHints;
import io.github.changetalk.internal.shortcut.TriggerGate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * How the {@code changetalk} command and the benchmarks start a classifier: settings that change when the
 * models load and the patterns are parsed, or what a benchmark measures, never a label; so they are kept
 * off the public {@code Classifier.Builder}. A tool applies them to the classifiers it builds on its
 * thread, {@code startup.during(() -> Classifier.builder()...build())}, and the loader
 * ({@code internal.engine.RuntimeLoader}) reads {@link #current()}: {@link #DEFAULT} unless a tool set it.
 *
 * @param parserOnDemand   load the dependency parser in the background once an input could need it (a word
 *                         that could trigger a dependency pattern), not at build; the tagger then loads in
 *                         the background too, so a short input that needs no parse never waits for either
 * @param parserPrecompute the parser's precomputed-embedding cache (CoreNLP's {@code depparse.numPreComputed}):
 *                         0 loads about a second faster and parses ~10% slower; -1 keeps CoreNLP's default
 * @param triggerGating    false: no shortcuts, every rule tried on every sentence, every sentence parsed when
 *                         any rule uses a dependency pattern; labels are the same (for verifying that, and benchmarks)
 * @param patternIndex     a file {@link #writePatternIndex} wrote for these packs, or null: its token patterns are
 *                         parsed when a sentence first holds their trigger words, not at build, and its packs
 *                         are used as parsed where the YAML is unchanged. One that cannot be read, or was
 *                         written for other lexicons, is ignored; patterns it does not hold are parsed at build
 * @param firstInput       the text about to be classified first, or null. With {@code parserOnDemand} and a
 *                         pattern index: when it could need the parser, the parser starts loading at once;
 *                         when it could match no rule, the tagger loads only after the rule compile
 */
public record Startup(boolean parserOnDemand, int parserPrecompute, boolean triggerGating, Path patternIndex,
                      String firstInput) {
    /** What a plain {@code Classifier.builder().build()} gets: everything loaded at build, gating on, no index. */
    public static final Startup DEFAULT = new Startup(false, -1, true, null, null);

    private static final ThreadLocal<Startup> CURRENT = new ThreadLocal<>();

    public Startup {
        if (parserPrecompute < -1) {
            throw new IllegalArgumentException("parserPrecompute must be -1 (default) or more, was " + parserPrecompute);
        }
    }

    /** The same settings with trigger gating off. */
    public Startup withoutTriggerGating() {
        return new Startup(parserOnDemand, parserPrecompute, false, patternIndex, firstInput);
    }

    /** Runs {@code build} (a classifier's build) with these settings as this thread's {@link #current()}. */
    public <T> T during(Supplier<T> build) {
        Startup previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return build.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The settings a classifier built now on this thread starts with. */
    public static Startup current() {
        Startup s = CURRENT.get();
        return s == null ? DEFAULT : s;
    }

    /** The pattern index, or null when there is none or it cannot be read (it only saves time). */
    public PatternIndex readPatternIndex() {
        if (patternIndex == null) {
            return null;
        }
        try {
            return PatternIndex.read(patternIndex);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Compiles these packs for every target and writes their pattern index to {@code file} (replacing it
     * in one step), for {@link #patternIndex}. Loads no language model.
     *
     * @param defaultPacks whether the default packs come first, as a classifier built with them loads them
     * @param packs        the added packs, in the order they are added
     * @throws io.github.changetalk.RulePackException when a pack is broken
     */
    public static void writePatternIndex(boolean defaultPacks, List<Path> packs, Collection<String> disabled, Path file)
            throws IOException {
        List<PackSources.Source> sources = new ArrayList<>();
        if (defaultPacks) {
            sources.addAll(PackSources.defaults());
        }
        for (Path p : packs) {
            sources.add(PackSources.file(p));
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("no rule packs: add some, or keep the default packs");
        }
        List<PackSpec> specs = new ArrayList<>();
        List<PatternIndex.ParsedPack> parsed = new ArrayList<>();
        for (PackSources.Source s : sources) {
            PackSpec spec = PackParser.parse(s.name(), s.text());
            specs.add(spec);
            parsed.add(new PatternIndex.ParsedPack(PackCodec.digest(s.text()), spec));
        }
        RuleCatalog catalog = new RuleCatalog(specs, new LinkedHashSet<>(disabled));
        // The index answers "could any rule match this text?" before the tagger is up, for client text: so it
        // holds the client rules (a counselor pack's catch-all default would answer yes to every text).
        PatternIndex.write(TriggerGate.of(RuleCompiler.compile(catalog, null, Analyzer::tokenizeEntry)
                .of(io.github.changetalk.Speaker.CLIENT), PatternHints.NONE), parsed, file);
    }
}
