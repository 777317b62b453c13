package io.github.changetalk.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.changetalk.Direction;
import io.github.changetalk.Kind;
import io.github.changetalk.RulePackException;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.Band;
import io.github.changetalk.internal.startup.PackCodec;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.pack.RuleSpec;
import io.github.changetalk.internal.pack.TargetDirection;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rule language as a trainer writes it: kind and direction (or neutral), precedence bands and
 * overrides, macros, and patterns split over lines with comments. Loaded as the Classifier loads packs
 * (parse, catalog, compile), without the tagger models.
 */
class RuleLanguageTest {
    private static final String COMMON = """
            pack: common
            macros:
              I: '[{word:/(?i)i/}]'
              NOT: '[{lemma:/not|never/}]'
              ADV: '[{tag:/RB/}]'
              # A macro may use lexicons and other macros; a sequence is put in as a group.
              I_WANT: $I $ADV{0,2} $WANT
            lexicons:
              WANT: [want, wanna, would like]
              CHANGE: [quit, stop, cut down]
            """;

    private static final String DESIRE = """
            pack: desire
            rules:
              - id: WANT_CHANGE
                kind: desire
                direction: change
                patterns:
                  - tokens: |
                      $I []{0,3} $WANT     # "I really want", "I kinda wanna"
                      []{0,2} $CHANGE      # ... to quit, to cut down
                examples: {match: [a, b], nomatch: [c]}
              - id: NOT_WANT_CHANGE
                kind: desire
                direction: sustain
                priority: reversal
                patterns:
                  - tokens: '$NOT []{0,2} $WANT []{0,2} $CHANGE'
                  - tokens: '$I_WANT? $CHANGE'
                examples: {match: [a, b], nomatch: [c]}
              - id: HOLD_QUESTION
                neutral: true
                priority: frame
                overrides: [OTHER_QUESTION]
                patterns:
                  - tokens: '[{word:"?"}] $'
                examples: {match: [a, b], nomatch: [c]}
              - id: OTHER_QUESTION
                neutral: true
                priority: frame
                patterns:
                  - tokens: '[{word:/(?i)what|why/}]'
                examples: {match: [a, b], nomatch: [c]}
            """;

    private static List<PackSpec> parse(String... namesAndYaml) {
        List<PackSpec> specs = new ArrayList<>();
        for (int i = 0; i < namesAndYaml.length; i += 2) {
            specs.add(PackParser.parse(namesAndYaml[i], namesAndYaml[i + 1]));
        }
        return specs;
    }

    private static RuleCatalog catalog(String... namesAndYaml) {
        return new RuleCatalog(parse(namesAndYaml), Set.of());
    }

    private static RulePackException load(String... namesAndYaml) {
        return catchThrowableOfType(RulePackException.class,
                () -> RuleCompiler.compile(catalog(namesAndYaml), null, Analyzer::tokenizeEntry));
    }

    private static void assertOneLine(RulePackException e, String expected) {
        assertThat(e).as("a RulePackException").isNotNull();
        assertThat(e.getMessage()).isEqualTo(expected);
    }

    private static RuleSpec rule(RuleCatalog catalog, String id) {
        return catalog.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** One rule with the given lines in place of its kind, direction and precedence. */
    private static String rulePack(String header, String pattern) {
        return """
                pack: p
                rules:
                  - id: MY_RULE
                %s
                    description: x
                    patterns:
                      - tokens: '%s'
                    examples: {match: [a, b], nomatch: [c]}
                """.formatted(header, pattern);
    }

    @Test
    void kindDirectionAndNeutral() {
        RuleCatalog c = catalog("common.yaml", COMMON, "desire.yaml", DESIRE);
        assertThat(rule(c, "WANT_CHANGE").kind()).isEqualTo(Kind.DESIRE);
        assertThat(rule(c, "WANT_CHANGE").direction()).isEqualTo(Direction.CHANGE);
        assertThat(rule(c, "NOT_WANT_CHANGE").direction()).isEqualTo(Direction.SUSTAIN);
        assertThat(rule(c, "HOLD_QUESTION").direction()).isEqualTo(Direction.NEUTRAL);
        assertThat(rule(c, "HOLD_QUESTION").kind()).isNull();
    }

    @Test
    void bandsAndOverrides() {
        RuleCatalog c = catalog("common.yaml", COMMON, "desire.yaml", DESIRE);
        assertThat(rule(c, "WANT_CHANGE").band()).as("the default band").isEqualTo(Band.SPECIFIC);
        assertThat(rule(c, "NOT_WANT_CHANGE").band()).isEqualTo(Band.REVERSAL);
        assertThat(rule(c, "NOT_WANT_CHANGE").priority()).isEqualTo(Band.REVERSAL.rank());
        assertThat(rule(c, "HOLD_QUESTION").overrides()).containsExactly("OTHER_QUESTION");
        assertThat(Band.FRAME.rank()).isGreaterThan(Band.REVERSAL.rank());
        assertThat(Band.REVERSAL.rank()).isGreaterThan(Band.SPECIFIC.rank());
        assertThat(Band.SPECIFIC.rank()).isGreaterThan(Band.GENERAL.rank());
        assertThat(Band.GENERAL.rank()).isGreaterThan(Band.ANSWER.rank());
        assertThat(Band.ANSWER.rank()).isGreaterThan(Band.BACKCHANNEL.rank());
    }

    @Test
    void macrosExpandToTheTextTheyStandFor() {
        RuleCatalog c = catalog("common.yaml", COMMON, "desire.yaml", DESIRE);
        // Comments are stripped and lines joined; macros are written out, lexicons left for TokensRegex.
        assertThat(rule(c, "WANT_CHANGE").patterns().get(0).text())
                .isEqualTo("[{word:/(?i)i/}] []{0,3} $WANT []{0,2} $CHANGE");
        assertThat(rule(c, "WANT_CHANGE").patterns().get(0).written())
                .startsWith("$I []{0,3} $WANT     # \"I really want\"");
        assertThat(rule(c, "NOT_WANT_CHANGE").patterns().get(0).text())
                .isEqualTo("[{lemma:/not|never/}] []{0,2} $WANT []{0,2} $CHANGE");
        // A macro of several elements is one group, so that a quantifier after it applies to all of it.
        assertThat(rule(c, "NOT_WANT_CHANGE").patterns().get(1).text())
                .isEqualTo("([{word:/(?i)i/}] [{tag:/RB/}]{0,2} $WANT)? $CHANGE");
        assertThat(load("common.yaml", COMMON, "desire.yaml", DESIRE)).isNull();
    }

    @Test
    void aHashInsideARegexOrStringIsNotAComment() {
        String pack = """
                pack: h
                rules:
                  - id: HASH
                    kind: need
                    direction: change
                    patterns:
                      - tokens: |
                          [{word:/#|x/}]   # a hash tag
                          [{word:"#"}]
                    examples: {match: [a, b], nomatch: [c]}
                """;
        assertThat(rule(catalog("h.yaml", pack), "HASH").patterns().get(0).text()).isEqualTo("[{word:/#|x/}] [{word:\"#\"}]");
    }

    @Test
    void aRegexLeftOpenAtTheEndOfALineGoesOnAtTheNext() {
        String pack = """
                pack: w
                rules:
                  - id: WRAPPED
                    kind: reason
                    direction: sustain
                    patterns:
                      - tokens: |
                          # the behaviour as an identity
                          $I $BE [{word:/(?i)addict|addicted|alcoholic|
                                         junkie|hooked/}]   # a long word list, wrapped

                          []{0,2}
                    examples: {match: [a, b], nomatch: [c]}
                """;
        assertThat(rule(catalog("common.yaml", COMMON.replace("  NOT:", "  BE: '[{lemma:/be/}]'\n  NOT:"), "w.yaml", pack),
                "WRAPPED").patterns().get(0).text())
                .isEqualTo("[{word:/(?i)i/}] [{lemma:/be/}] [{word:/(?i)addict|addicted|alcoholic|junkie|hooked/}] []{0,2}");
    }

    /** Targets of each direction, and rules restricted to some of them. */
    private static final String DIRECTED = """
            pack: directed
            rules:
              - id: ANY_TARGET
                kind: reason
                direction: change
                patterns: [{tokens: '[{lemma:x}]'}]
                examples: {match: [a, b], nomatch: [c]}
              - id: DO_MORE_ONLY
                kind: reason
                direction: sustain
                targets: [more]
                patterns: [{tokens: '[{lemma:y}]'}]
                examples: {match: [a, {text: b, target: walking}], nomatch: [c]}
              - id: SOME_BEHAVIOUR
                kind: need
                direction: change
                targets: [less, more]
                patterns: [{tokens: '[{lemma:z}]'}]
                examples: {match: [a, b], nomatch: [c]}
            """;

    private static List<PackSpec> directedPacks() {
        return parse("directed.yaml", DIRECTED,
                "drink.yaml", "pack: t-drink\ntarget: drinking\ndirection: less\naliases: [alcohol]\n",
                "walk.yaml", "pack: t-walk\ntarget: walking\ndirection: more\naliases: [increasing activity]\n",
                "none.yaml", "pack: t-none\ntarget: none\ndirection: none\naliases: [unidentifiable, life goals]\n",
                "plain.yaml", "pack: t-plain\ntarget: plain\n");
    }

    private static List<String> compiledFor(RuleCatalog c, Set<String> selection) {
        return RuleCompiler.compile(c, selection, Analyzer::tokenizeEntry).rules().stream().map(CompiledRule::id).toList();
    }

    @Test
    void rulesRestrictedToTargetDirectionsAreLeftOutOfOtherSelections() {
        RuleCatalog c = new RuleCatalog(directedPacks(), Set.of());
        assertThat(rule(c, "DO_MORE_ONLY").targets()).containsExactly(TargetDirection.MORE);
        assertThat(rule(c, "ANY_TARGET").targets()).isEmpty();
        assertThat(compiledFor(c, null)).containsExactly("ANY_TARGET", "DO_MORE_ONLY", "SOME_BEHAVIOUR");
        assertThat(compiledFor(c, Set.of("drinking"))).containsExactly("ANY_TARGET", "SOME_BEHAVIOUR");
        assertThat(compiledFor(c, Set.of("walking"))).containsExactly("ANY_TARGET", "DO_MORE_ONLY", "SOME_BEHAVIOUR");
        assertThat(compiledFor(c, Set.of("drinking", "walking"))).containsExactly("ANY_TARGET", "DO_MORE_ONLY", "SOME_BEHAVIOUR");
        // A topic that names no behaviour: only the rules for every target.
        assertThat(compiledFor(c, Set.of("none"))).containsExactly("ANY_TARGET");
        // A target that declares no direction is some behaviour, either way.
        assertThat(c.directions(Set.of("plain"))).isEqualTo(TargetDirection.UNKNOWN);
        assertThat(compiledFor(c, Set.of("plain"))).containsExactly("ANY_TARGET", "DO_MORE_ONLY", "SOME_BEHAVIOUR");
        assertThat(c.direction("Walking")).isEqualTo(TargetDirection.MORE);
        assertThat(c.direction("plain")).isNull();
    }

    @Test
    void aTopicListingSeveralBehavioursResolvesToEach() {
        RuleCatalog c = new RuleCatalog(directedPacks(), Set.of());
        assertThat(c.resolveTargets("reducing alcohol; increasing activity")).containsExactly("drinking", "walking");
        assertThat(c.resolveTargets("unidentifiable")).containsExactly("none");
        assertThat(c.resolveTarget("my life goals")).isEqualTo("none");
        // A topic that names a behaviour is about it, though it also names something of direction none.
        assertThat(c.resolveTarget("life goals without alcohol")).isEqualTo("drinking");
        assertThat(c.resolveTargets("knitting; alcohol")).containsExactly("drinking");
        assertThat(c.resolveTargets("knitting")).isEmpty();
        assertThat(c.resolveTargets(null)).isEmpty();
    }

    @Test
    void targetDirectionMistakesAreOneLine() {
        assertOneLine(load("t.yaml", "pack: t\ntarget: x\ndirection: fewer\n"),
                "t.yaml:3: target direction must be less, more or none, not 'fewer'");
        assertOneLine(load("t.yaml", "pack: t\ndirection: less\n"),
                "t.yaml:2: 'direction' is for target packs (packs with 'target:'): which way change goes for the behaviour,"
                        + " less, more or none");
        assertOneLine(load("r.yaml", rulePack("    kind: need\n    direction: change\n    targets: [alcohol]", "[{lemma:x}]")),
                "r.yaml:6: rule MY_RULE: targets lists target directions (less, more or none), not 'alcohol'"
                        + " (a target pack says which way its behaviour goes with 'direction:')");
        assertOneLine(load("r.yaml", rulePack("    kind: need\n    direction: change\n    targets: [more, more]", "[{lemma:x}]")),
                "r.yaml:6: rule MY_RULE: targets lists more twice");
        assertOneLine(load("r.yaml", rulePack("    kind: need\n    direction: change\n    targets: []", "[{lemma:x}]")),
                "r.yaml:6: rule MY_RULE: 'targets' is empty (leave it out for a rule of every target)");
        assertOneLine(load("r.yaml", rulePack("    kind: need\n    direction: change\n    targets: more", "[{lemma:x}]")),
                "r.yaml:6: rule MY_RULE: 'targets' (a list of target directions: less, more or none) must be a list, not a scalar");
    }

    @Test
    void theCodecKeepsEverythingTheParserRead() throws Exception {
        List<PackSpec> directed = directedPacks();
        ByteArrayOutputStream directedBytes = new ByteArrayOutputStream();
        PackCodec.write(new DataOutputStream(directedBytes), directed);
        assertThat(PackCodec.read(ByteBuffer.wrap(directedBytes.toByteArray()))).isEqualTo(directed);
        List<PackSpec> packs = parse("common.yaml", COMMON, "desire.yaml", DESIRE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PackCodec.write(new DataOutputStream(bytes), packs);
        assertThat(PackCodec.read(ByteBuffer.wrap(bytes.toByteArray()))).isEqualTo(packs);
    }

    @Test
    void anUnknownMacroIsOneLineWithASuggestion() {
        assertOneLine(load("common.yaml", COMMON, "u.yaml", rulePack("    kind: desire\n    direction: change", "$NOTT $WANT")),
                "u.yaml:8: rule MY_RULE: patterns[0] uses unknown lexicon or macro $NOTT (did you mean $NOT?)");
        assertOneLine(load("common.yaml", COMMON, "u.yaml", rulePack("    kind: desire\n    direction: change", "$ZZZZZZ")),
                "u.yaml:8: rule MY_RULE: patterns[0] uses unknown lexicon or macro $ZZZZZZ");
        assertOneLine(load("m.yaml", "pack: m\nmacros:\n  A: '$I [{lemma:x}]'\n  IT: '[{word:it}]'\n"),
                "m.yaml:3: macro A uses unknown lexicon or macro $I (did you mean $IT?)");
    }

    @Test
    void macroMistakesAreOneLine() {
        assertOneLine(load("m.yaml", "pack: m\nmacros:\n  A: $B\n  B: '[{lemma:x}] $A'\n"),
                "m.yaml:3: macros include each other in a cycle: $A -> $B -> $A");
        assertOneLine(load("m.yaml", "pack: m\nmacros:\n  WANT: '[{lemma:want}]'\nlexicons:\n  WANT: [want]\n"),
                "m.yaml:3: macro WANT has the name of a lexicon (defined at m.yaml:5)");
        assertOneLine(load("m1.yaml", "pack: m1\nmacros:\n  A: '[{lemma:x}]'\n", "m2.yaml", "pack: m2\nmacros:\n  A: '[{lemma:y}]'\n"),
                "m2.yaml:3: macro A is already defined at m1.yaml:3");
        assertOneLine(load("m.yaml", "pack: m\nmacros:\n  lower: '[{lemma:x}]'\n"), "m.yaml:3: macro name 'lower' must be UPPER_SNAKE_CASE");
        assertOneLine(load("m.yaml", "pack: m\nmacros:\n  A: '[{lemma:x}]'\nlexicons:\n  L: [$A]\n"),
                "m.yaml:5: lexicon L includes $A, a macro: a lexicon includes only other lexicons");
        String dependency = rulePack("    kind: desire\n    direction: change", "x").replace("- tokens: 'x'",
                "- dependency: '{lemma:want} >advmod $NOT'");
        assertOneLine(load("common.yaml", COMMON, "d.yaml", dependency),
                "d.yaml:8: rule MY_RULE: patterns[0] uses macro $NOT, a token-pattern fragment: in a dependency pattern only lexicons can be named");
        assertOneLine(load("t.yaml", "pack: t\ntarget: x\nmacros:\n  A: '[{lemma:x}]'\n"),
                "t.yaml:3: a target pack holds lexicons only; put macros in an ordinary pack");
    }

    @Test
    void kindAndDirectionMistakesAreOneLine() {
        assertOneLine(load("k.yaml", rulePack("    kind: wish\n    direction: change", "[{lemma:x}]")),
                "k.yaml:4: rule MY_RULE: unknown kind 'wish' (expected desire, ability, reason, need, commitment, activation or taking-steps)");
        assertOneLine(load("k.yaml", rulePack("    kind: desire", "[{lemma:x}]")),
                "k.yaml:3: rule MY_RULE: a desire rule needs 'direction: change' or 'direction: sustain'");
        assertOneLine(load("k.yaml", rulePack("    kind: desire\n    direction: neutral", "[{lemma:x}]")),
                "k.yaml:5: rule MY_RULE: direction must be change or sustain, not 'neutral' (a neutral rule says 'neutral: true' instead of kind and direction)");
        assertOneLine(load("k.yaml", rulePack("    direction: change", "[{lemma:x}]")),
                "k.yaml:3: rule MY_RULE: a rule needs 'kind:' (desire, ability, reason, need, commitment, activation or taking-steps)"
                        + " with 'direction:' (change or sustain), or 'neutral: true'");
        assertOneLine(load("k.yaml", rulePack("    neutral: true\n    kind: desire", "[{lemma:x}]")),
                "k.yaml:5: rule MY_RULE: a neutral rule has no kind (leave out 'neutral: true' for change or sustain talk)");
        assertOneLine(load("k.yaml", rulePack("    neutral: maybe", "[{lemma:x}]")),
                "k.yaml:4: rule MY_RULE: 'neutral' must be true or false, not 'maybe'");
    }

    @Test
    void theOldLabelAndNumberedPrioritiesAreRefusedSayingWhatToWrite() {
        assertOneLine(load("o.yaml", rulePack("    label: ability\n    direction: sustain", "[{lemma:x}]")),
                "o.yaml:4: rule MY_RULE: 'label: ability' is now written 'kind: ability'");
        assertOneLine(load("o.yaml", rulePack("    label: desire", "[{lemma:x}]")),
                "o.yaml:4: rule MY_RULE: 'label: desire' is now written 'kind: desire', with 'direction: change' or 'direction: sustain'");
        assertOneLine(load("o.yaml", rulePack("    label: neutral", "[{lemma:x}]")),
                "o.yaml:4: rule MY_RULE: 'label: neutral' is now written 'neutral: true'");
        assertOneLine(load("o.yaml", rulePack("    label: sustain", "[{lemma:x}]")),
                "o.yaml:4: rule MY_RULE: 'label:' is gone: write the kind of the sustain talk and 'direction: sustain' (e.g. kind: ability)");
        assertOneLine(load("o.yaml", rulePack("    label: wishful", "[{lemma:x}]")),
                "o.yaml:4: rule MY_RULE: 'label:' is gone: write 'kind:' (desire, ability, reason, need, commitment, activation"
                        + " or taking-steps) and 'direction:' (change or sustain), or 'neutral: true'");
        assertOneLine(load("o.yaml", rulePack("    kind: need\n    direction: change\n    priority: 61", "[{lemma:x}]")),
                "o.yaml:6: rule MY_RULE: priority is a band name now, not a number: 61 is most like 'priority: reversal'"
                        + " (bands, weakest first: backchannel, answer, general, specific, reversal, frame;"
                        + " to make a rule beat another of its band, list that one under 'overrides:')");
    }

    @Test
    void precedenceMistakesAreOneLine() {
        assertOneLine(load("p.yaml", rulePack("    kind: need\n    direction: change\n    priority: high", "[{lemma:x}]")),
                "p.yaml:6: rule MY_RULE: unknown priority 'high' (bands, weakest first: backchannel, answer, general, specific,"
                        + " reversal, frame; to make a rule beat another of its band, list that one under 'overrides:')");
        assertOneLine(load("p.yaml", rulePack("    kind: need\n    direction: change\n    overrides: [NOT_A_RULE]", "[{lemma:x}]")),
                "p.yaml:3: rule MY_RULE: overrides names unknown rule NOT_A_RULE");
        assertOneLine(load("common.yaml", COMMON, "desire.yaml", DESIRE,
                        "p.yaml", rulePack("    kind: need\n    direction: change\n    overrides: [WANT_CHANGES]", "[{lemma:x}]")),
                "p.yaml:3: rule MY_RULE: overrides names unknown rule WANT_CHANGES (did you mean WANT_CHANGE?)");
        assertOneLine(load("p.yaml", rulePack("    kind: need\n    direction: change\n    overrides: [MY_RULE]", "[{lemma:x}]")),
                "p.yaml:6: rule MY_RULE: a rule cannot override itself");
        assertOneLine(load("p.yaml", rulePack("    kind: need\n    direction: change\n    overrides: wrong", "[{lemma:x}]")),
                "p.yaml:6: rule MY_RULE: 'overrides' (a list of rule ids) must be a list, not a scalar");
        String cycle = """
                pack: c
                rules:
                  - id: A
                    neutral: true
                    overrides: [B]
                    patterns: [{tokens: '[{lemma:x}]'}]
                    examples: {match: [a, b], nomatch: [c]}
                  - id: B
                    neutral: true
                    overrides: [A]
                    patterns: [{tokens: '[{lemma:y}]'}]
                    examples: {match: [a, b], nomatch: [c]}
                """;
        assertOneLine(load("c.yaml", cycle), "c.yaml:3: rule A: rules override each other in a cycle: A -> B -> A");
    }
}
