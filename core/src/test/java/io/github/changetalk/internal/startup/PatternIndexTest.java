package io.github.changetalk.internal.startup;

import io.github.changetalk.internal.compile.StepBudget;
import io.github.changetalk.Classifier;
import io.github.changetalk.Label;
import io.github.changetalk.RuleInfo;
import io.github.changetalk.RulePackException;
import io.github.changetalk.SharedClassifier;
import io.github.changetalk.TestCorpus;
import io.github.changetalk.UtteranceResult;
import io.github.changetalk.internal.compile.CompiledPattern;
import io.github.changetalk.internal.compile.DefaultRules;
import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.compile.RuleCompiler;
import io.github.changetalk.internal.compile.RuleSet;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.nlp.SentenceView;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSources;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.shortcut.PatternHints;
import io.github.changetalk.internal.shortcut.TriggerGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pattern index changes when token patterns are parsed, never what they match: compiled with the
 * index of the default packs, every token pattern has the trigger and length bound it has when parsed
 * at load, finds the same span on every testdata sentence, and is parsed only once a sentence holds
 * its trigger words. An index that does not fit (other lexicons, a damaged file) is not used.
 */
class PatternIndexTest {
    private static Analyzer analyzer;
    private static List<SentenceView> sentences;
    private static RuleCatalog defaults;


    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        analyzer = Analyzer.load(Analyzer.Options.DEFAULTS.withoutParser());
        sentences = DefaultRules.testdataSentences(analyzer);
        defaults = DefaultRules.catalog();
    }

    private PatternIndex written(RuleSet rules) throws IOException {
        Path file = dir.resolve("patterns.index");
        PatternIndex.write(gate(rules), file);
        return PatternIndex.read(file);
    }

    /** The default start-up, with this pattern index. */
    private static Startup withIndex(Path file) {
        return new Startup(false, -1, true, file, null);
    }

    private static TriggerGate gate(RuleSet rules) {
        return TriggerGate.of(rules, PatternHints.NONE);
    }

    @Test
    void indexedPatternsAreParsedOnlyWhenTriedAndMatchAsParsedOnes() throws IOException {
        RuleSet parsed = RuleCompiler.compile(defaults, null, Analyzer::tokenizeEntry);
        PatternIndex index = written(parsed);
        RuleSet indexed = RuleCompiler.compile(defaults, null, Analyzer::tokenizeEntry, index);
        TriggerGate a = gate(parsed);
        TriggerGate b = TriggerGate.of(indexed, index);

        List<int[]> tokenSlots = new ArrayList<>(); // {rule, slot} of every token pattern
        for (int r = 0; r < parsed.rules().size(); r++) {
            List<CompiledPattern> slots = parsed.rules().get(r).allPatterns();
            for (int slot = 0; slot < slots.size(); slot++) {
                if (slots.get(slot) instanceof CompiledPattern.Tokens) {
                    tokenSlots.add(new int[] {r, slot});
                }
            }
        }
        assertThat(tokenSlots).hasSizeGreaterThan(200);
        assertThat(DefaultRules.tokenPatterns(indexed)).as("every default token pattern is in the index, so none is parsed at load")
                .noneMatch(t -> t.source().isParsed());
        for (int[] at : tokenSlots) {
            var pa = (CompiledPattern.Tokens) parsed.rules().get(at[0]).allPatterns().get(at[1]);
            var pb = (CompiledPattern.Tokens) indexed.rules().get(at[0]).allPatterns().get(at[1]);
            assertThat(pb.spec()).isEqualTo(pa.spec());
            assertThat(b.trigger(at[0], at[1]).toString()).as("same trigger for " + pa.spec().text())
                    .isEqualTo(a.trigger(at[0], at[1]).toString());
            assertThat(b.trigger(at[0], at[1]).keys()).isEqualTo(a.trigger(at[0], at[1]).keys());
            assertThat(b.maxTokens(at[0], at[1])).as(pa.spec().text()).isEqualTo(a.maxTokens(at[0], at[1]));
            assertThat(pb.shared()).isEqualTo(pa.shared());
        }
        assertThat(b.parserTriggers()).hasToString(String.valueOf(a.parserTriggers()));

        // A sentence without any pattern's trigger words parses nothing.
        SentenceView plain = analyzer.analyze("The bus was late.").get(0);
        var onPlain = b.on(plain);
        for (int[] at : tokenSlots) {
            onPlain.find(indexed.rules().get(at[0]).allPatterns().get(at[1]), at[0], at[1], new StepBudget(2_000_000L));
        }
        long parsedAfterPlain = DefaultRules.tokenPatterns(indexed).stream().filter(t -> t.source().isParsed()).count();
        assertThat(parsedAfterPlain).as("patterns parsed for a sentence with no trigger words").isLessThan(tokenSlots.size() / 10);

        int matches = 0;
        for (SentenceView s : sentences) {
            var onA = a.on(s);
            var onB = b.on(s);
            for (int[] at : tokenSlots) {
                var expected = onA.find(parsed.rules().get(at[0]).allPatterns().get(at[1]), at[0], at[1], new StepBudget(2_000_000L));
                assertThat(onB.find(indexed.rules().get(at[0]).allPatterns().get(at[1]), at[0], at[1], new StepBudget(2_000_000L)))
                        .as(parsed.rules().get(at[0]).allPatterns().get(at[1]).spec().text()).isEqualTo(expected);
                matches += expected.isPresent() ? 1 : 0;
            }
        }
        assertThat(matches).isGreaterThan(1000);
    }

    @Test
    void aClassifierBuiltWithTheIndexLabelsAsOneWithout() throws IOException {
        Path file = dir.resolve("defaults.index");
        Startup.writePatternIndex(true, List.of(), List.of(), file);
        Classifier indexed = new Startup(true, -1, true, file, null).during(() -> Classifier.builder().build());
        Classifier plain = SharedClassifier.get();
        List<String> utterances = TestCorpus.utterances();
        int changeOrSustain = 0;
        for (String u : utterances.subList(0, Math.min(400, utterances.size()))) {
            UtteranceResult a = plain.classify(u);
            UtteranceResult b = indexed.classify(u);
            assertThat(b.label()).as(u).isEqualTo(a.label());
            assertThat(b.sentences()).as(u).isEqualTo(a.sentences());
            changeOrSustain += a.label() == Label.NEUTRAL ? 0 : 1;
        }
        assertThat(changeOrSustain).isGreaterThan(100);
        // A file that is not an index is ignored: the classifier parses every pattern at build.
        Path junk = dir.resolve("junk.index");
        Files.writeString(junk, "not an index");
        assertThat(withIndex(junk).during(() -> Classifier.builder().build()).classify("I want to quit.").label())
                .isEqualTo(Label.DESIRE);
    }

    /** Whether one of these triggers could hold in the text, judged before any model loads, as start-up judges it. */
    private static boolean mayHold(String text, List<io.github.changetalk.internal.shortcut.Trigger> triggers) {
        return io.github.changetalk.internal.shortcut.Trigger.anySatisfied(triggers,
                io.github.changetalk.internal.shortcut.KeySets.possible(Analyzer.sampleTokens(text)));
    }

    @Test
    void theIndexTellsBeforeAnyCompileWhichTextsMayNeedTheParser() throws IOException {
        TriggerGate rules = gate(RuleCompiler.compile(defaults, null, Analyzer::tokenizeEntry));
        PatternIndex index = written(rules.rules());
        assertThat(index.parserTriggers()).hasToString(String.valueOf(rules.parserTriggers()));
        int yes = 0;
        int no = 0;
        for (String u : TestCorpus.utterances()) {
            boolean fromIndex = mayHold(u, index.parserTriggers());
            assertThat(fromIndex).as(u).isEqualTo(mayHold(u, rules.parserTriggers()));
            yes += fromIndex ? 1 : 0;
            no += fromIndex ? 0 : 1;
        }
        assertThat(yes).isGreaterThan(50);
        assertThat(no).isGreaterThan(50);
        assertThat(mayHold("The bus was late.", index.parserTriggers())).isFalse();
    }

    @Test
    void theIndexTellsBeforeAnyCompileWhichTextsNoRuleCouldMatch() throws IOException {
        // client text: the rules that label it (counselor packs hold a catch-all default)
        TriggerGate rules = gate(RuleCompiler.compile(defaults, null, Analyzer::tokenizeEntry).of(io.github.changetalk.Speaker.CLIENT));
        PatternIndex index = written(rules.rules());
        assertThat(index.matchTriggers()).hasToString(String.valueOf(rules.matchTriggers()));
        Classifier classifier = SharedClassifier.get();
        int ruledOut = 0;
        for (String u : TestCorpus.utterances()) {
            boolean fromIndex = mayHold(u, index.matchTriggers());
            assertThat(fromIndex).as(u).isEqualTo(mayHold(u, rules.matchTriggers()));
            if (!fromIndex) {
                ruledOut++;
                UtteranceResult r = classifier.classify(u);
                assertThat(r.sentences()).as(u).allMatch(s -> s.evidence().isEmpty() && s.vetoed().isEmpty());
            }
        }
        assertThat(ruledOut).isGreaterThan(10);
        assertThat(mayHold("The bus was late.", index.matchTriggers())).isFalse();
        assertThat(mayHold("I want to quit.", index.matchTriggers())).isTrue();
    }

    @Test
    void aClassifierWhoseFirstInputNoRuleCouldMatchLoadsTheTaggerLaterAndStillLabels(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rules.index");
        Startup.writePatternIndex(true, List.of(), List.of(), file);
        Classifier c = new Startup(true, -1, true, file, "The bus was late.").during(() -> Classifier.builder().build());
        assertThat(c.classify("The bus was late.").label()).isEqualTo(Label.NEUTRAL);
        assertThat(c.classify("I want to quit.").label()).isEqualTo(Label.DESIRE);
        assertThat(c.classify("I'm not going to quit.").label()).isEqualTo(Label.SUSTAIN);
    }

    @Test
    void theIndexGivesBackEachPackAsParsedFromTheSameTextAndNothingForAnotherText() throws IOException {
        List<PatternIndex.ParsedPack> parsed = new ArrayList<>();
        List<PackSources.Source> sources = PackSources.defaults();
        for (PackSources.Source s : sources) {
            parsed.add(new PatternIndex.ParsedPack(PackCodec.digest(s.text()), PackParser.parse(s.name(), s.text())));
        }
        Path file = dir.resolve("packs.index");
        PatternIndex.write(gate(RuleCompiler.compile(defaults, null, Analyzer::tokenizeEntry)), parsed, file);
        PatternIndex index = PatternIndex.read(file);
        for (PackSources.Source s : sources) {
            // Records all the way down: equal means every rule, pattern, line, example and lexicon entry.
            assertThat(index.parsedPack(s.name(), s.text())).as(s.name()).isEqualTo(PackParser.parse(s.name(), s.text()));
            assertThat(index.parsedPack(s.name(), s.text() + "\n")).as(s.name() + " edited").isNull();
            assertThat(index.parsedPack("elsewhere/" + s.name(), s.text())).as(s.name() + " moved").isNull();
        }
        assertThat(sources).hasSizeGreaterThan(5);
    }

    @Test
    void aClassifierBuiltWithTheIndexHasTheRulesOfTheYamlEvenWhenAPackChangedSince() throws IOException {
        Path file = dir.resolve("rules.index");
        Path pack = dir.resolve("extra.yaml");
        Files.writeString(pack, EXTRA_PACK.replace("RULE_ID", "EXTRA_FIRST"));
        Startup.writePatternIndex(true, List.of(pack), List.of(), file);
        Files.writeString(pack, EXTRA_PACK.replace("RULE_ID", "EXTRA_SECOND"));
        Classifier c = withIndex(file).during(() -> Classifier.builder().addRules(pack).build());
        assertThat(c.rules()).extracting(RuleInfo::id).contains("EXTRA_SECOND").doesNotContain("EXTRA_FIRST");
        assertThat(c.classify("I will buy a blue bicycle.").sentences().get(0).decidedBy()).isEqualTo("EXTRA_SECOND");
    }

    private static final String EXTRA_PACK = """
            pack: extra
            description: a pack for this test
            rules:
              - id: RULE_ID
                kind: commitment
                direction: change
                priority: frame
                description: a test rule
                patterns:
                  - tokens: '[{word:/(?i)blue/}] [{word:/(?i)bicycle/}]'
                examples:
                  match:
                    - I will buy a blue bicycle
                    - a blue bicycle it is
                  nomatch:
                    - a red bicycle
            """;

    @Test
    void anIndexForOtherLexiconsIsNotUsed() throws IOException {
        PatternIndex index = written(RuleCompiler.compile(defaults, null, Analyzer::tokenizeEntry));
        // Only one target's lexicons: other entries, so other triggers.
        RuleSet alcohol = RuleCompiler.compile(defaults, Set.of("alcohol", "generic"), Analyzer::tokenizeEntry, index);
        assertThat(DefaultRules.tokenPatterns(alcohol)).allMatch(t -> t.source().isParsed());
        // A pack that adds a target (and so entries to the shared target lexicons) changes them too.
        PackSpec extra = PackParser.parse("knitting.yaml", """
                pack: knitting
                target: knitting
                lexicons:
                  BEHAVIOUR: [knitting, purling]
                """);
        RuleSet more = RuleCompiler.compile(DefaultRules.catalog(extra), null, Analyzer::tokenizeEntry, index);
        assertThat(DefaultRules.tokenPatterns(more)).allMatch(t -> t.source().isParsed());
    }

    @Test
    void aPackAddedAfterTheIndexIsParsedAtLoadAndStillFailsFast() throws IOException {
        PatternIndex index = written(RuleCompiler.compile(defaults, null, Analyzer::tokenizeEntry));
        PackSpec broken = PackParser.parse("mine.yaml", """
                pack: mine
                rules:
                  - id: MINE_BROKEN
                    kind: desire
                    direction: change
                    patterns:
                      - tokens: '[{word:/(?i)i/}] ( [{lemma:want}]'
                    examples:
                      match: ["I want it.", "I want that."]
                      nomatch: ["You want it."]
                """);
        assertThatThrownBy(() -> RuleCompiler.compile(DefaultRules.catalog(broken), null, Analyzer::tokenizeEntry, index))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("mine.yaml")
                .hasMessageContaining("MINE_BROKEN");
    }

    @Test
    void aDamagedOrForeignFileIsRefusedWithItsName() throws IOException {
        Path good = dir.resolve("good.index");
        PatternIndex.write(gate(RuleCompiler.compile(defaults, null, Analyzer::tokenizeEntry)), good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.index");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> PatternIndex.read(truncated)).isInstanceOf(IOException.class)
                .hasMessageContaining("truncated.index").hasMessageContaining("damaged");

        Path foreign = dir.resolve("foreign.index");
        Files.writeString(foreign, "pack: desire\n");
        assertThatThrownBy(() -> PatternIndex.read(foreign)).isInstanceOf(IOException.class)
                .hasMessageContaining("foreign.index");

        Path longer = dir.resolve("longer.index");
        byte[] extra = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        Files.write(longer, extra);
        assertThatThrownBy(() -> PatternIndex.read(longer)).isInstanceOf(IOException.class)
                .hasMessageContaining("after the end");

        assertThat(PatternIndex.read(good).size()).isGreaterThan(200);
    }
}
