package io.github.changetalk.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.changetalk.RulePackException;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every way a pack can be wrong gives one line naming file, line and (where there is one) rule id,
 * never a stack trace. Packs are loaded exactly as the Classifier loads them (parse, catalog, compile),
 * without the tagger models.
 */
class BrokenPackTest {
    /** A valid rule whose pattern and extra lines can be swapped in; its pattern is on line 7. */
    private static String pack(String patternLine, String extra) {
        return """
                pack: broken
                rules:
                  - id: MY_RULE
                    kind: desire
                    direction: change
                    patterns:
                %s
                    examples:
                      match: ["I want to quit.", "I wish to stop."]
                      nomatch: ["My wife wants me to quit."]
                %s""".formatted(patternLine, extra);
    }

    private static String tokens(String pattern) {
        return pack("      - tokens: '" + pattern + "'", "");
    }

    private static RulePackException load(String... namesAndYaml) {
        return catchThrowableOfType(RulePackException.class, () -> {
            List<PackSpec> specs = new ArrayList<>();
            for (int i = 0; i < namesAndYaml.length; i += 2) {
                specs.add(PackParser.parse(namesAndYaml[i], namesAndYaml[i + 1]));
            }
            RuleCompiler.compile(new RuleCatalog(specs, Set.of()), null, Analyzer::tokenizeEntry);
        });
    }

    private static void assertOneLine(RulePackException e, String expected) {
        assertThat(e).as("a RulePackException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\tat ");
        assertThat(e.getMessage()).isEqualTo(expected);
    }

    private static void assertStartsWith(RulePackException e, String prefix) {
        assertThat(e).as("a RulePackException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").startsWith(prefix);
    }

    @Test
    void theBasePackLoads() {
        assertThat(load("ok.yaml", tokens("[{lemma:want}] [{word:to}]"))).isNull();
    }

    @Test
    void yamlSyntax() {
        assertStartsWith(load("a.yaml", "pack: a\nrules: [\n  - id: X\n"), "a.yaml:");
        assertThat(load("a.yaml", "pack: a\nrules: [\n  - id: X\n").detail()).startsWith("YAML syntax: ");
        assertOneLine(load("a.yaml", "pack: a\n  bad: indentation\n"),
                "a.yaml:2: YAML syntax: mapping values are not allowed here");
    }

    @Test
    void emptyAndNonMappingPacks() {
        assertOneLine(load("e.yaml", ""), "e.yaml:1: the pack is empty");
        assertOneLine(load("e.yaml", "- just\n- a list\n"), "e.yaml:1: expected a pack, found a list");
    }

    @Test
    void unknownKeys() {
        assertOneLine(load("k.yaml", "pack: k\nrulez: []\n"),
                "k.yaml:2: unknown key 'rulez' in pack (allowed: aliases, description, direction, lexicons, macros, pack, rules, speaker, target)");
        assertOneLine(load("k.yaml", pack("      - tokens: '[{lemma:want}]'", "    colour: red\n")),
                "k.yaml:11: rule MY_RULE: unknown key 'colour' in rule (allowed: after, context, description, direction, echo, examples, id, kind, neutral, overrides, patterns, priority, targets, unless)");
        assertOneLine(load("k.yaml", pack("      - tokens: '[{lemma:want}]'\n        weight: 3", "")),
                "k.yaml:8: rule MY_RULE: unknown key 'weight' in pattern (allowed: dependency, graph, tokens)");
    }

    @Test
    void wrongTypes() {
        assertOneLine(load("t.yaml", "pack: t\nrules: {id: X}\n"), "t.yaml:2: rules must be a list, not a mapping");
        assertOneLine(load("t.yaml", pack("      - tokens: [a, b]", "")),
                "t.yaml:7: rule MY_RULE: 'tokens' must be a string, not a list");
        assertOneLine(load("t.yaml", pack("      - tokens: '[{lemma:want}]'", "    priority: high\n")),
                "t.yaml:11: rule MY_RULE: unknown priority 'high' (bands, weakest first: backchannel, answer, general, specific, reversal, frame;"
                        + " to make a rule beat another of its band, list that one under 'overrides:')");
        assertOneLine(load("t.yaml", "pack: t\nlexicons:\n  WANT: want\n"), "t.yaml:3: lexicon WANT must be a list, not a scalar");
    }

    @Test
    void badTokensRegexSyntax() {
        RulePackException e = load("s.yaml", tokens("[{lemma:want}"));
        assertStartsWith(e, "s.yaml:7: rule MY_RULE: patterns[0]: bad TokensRegex pattern: ");
    }

    @Test
    void badSemgrexSyntax() {
        RulePackException e = load("s.yaml", pack("      - dependency: '{lemma:want} >>> {lemma:quit'", ""));
        assertStartsWith(e, "s.yaml:7: rule MY_RULE: patterns[0]: bad Semgrex pattern: ");
    }

    @Test
    void undefinedLexicon() {
        assertOneLine(load("u.yaml", tokens("$NOPE [{lemma:quit}]")),
                "u.yaml:7: rule MY_RULE: patterns[0] uses unknown lexicon or macro $NOPE (no lexicons or macros are defined)");
        assertOneLine(load("u.yaml", "pack: u\nlexicons:\n  A: [$MISSING]\n"), "u.yaml:3: lexicon A includes unknown lexicon $MISSING");
    }

    @Test
    void cyclicLexicons() {
        assertOneLine(load("c.yaml", "pack: c\nlexicons:\n  A: [$B]\n  B: [$A]\n"),
                "c.yaml:3: lexicons include each other in a cycle: A -> B -> A");
        assertOneLine(load("c.yaml", "pack: c\nlexicons:\n  SELF: [x, $SELF]\n"),
                "c.yaml:3: lexicons include each other in a cycle: SELF -> SELF");
    }

    @Test
    void duplicateDefinitions() {
        assertOneLine(load("d.yaml", "pack: d\nlexicons:\n  A: [x]\n  A: [y]\n"), "d.yaml:4: duplicate key 'A' (first at line 3)");
        assertOneLine(load("d1.yaml", "pack: d1\nlexicons:\n  A: [x]\n", "d2.yaml", "pack: d2\nlexicons:\n  A: [y]\n"),
                "d2.yaml:3: lexicon A is already defined at d1.yaml:3");
        String rule = tokens("[{lemma:want}]");
        assertOneLine(load("r1.yaml", rule, "r2.yaml", rule.replace("pack: broken", "pack: other")),
                "r2.yaml:3: rule MY_RULE: duplicate rule id (first defined at r1.yaml:3)");
        assertOneLine(load("p1.yaml", "pack: same\n", "p2.yaml", "pack: same\n"), "p2.yaml: pack name 'same' is already used by p1.yaml");
    }

    @Test
    void unknownKindAndDirection() {
        assertStartsWith(load("l.yaml", pack("      - tokens: '[{lemma:want}]'", "").replace("kind: desire", "kind: wish")),
                "l.yaml:4: rule MY_RULE: ");
        assertStartsWith(load("l.yaml", pack("      - tokens: '[{lemma:want}]'", "").replace("direction: change", "direction: up")),
                "l.yaml:5: rule MY_RULE: ");
    }

    @Test
    void missingExamples() {
        String noNomatch = pack("      - tokens: '[{lemma:want}]'", "").replace("      nomatch: [\"My wife wants me to quit.\"]\n", "");
        assertOneLine(load("x.yaml", noNomatch),
                "x.yaml:9: rule MY_RULE: a rule needs at least 2 'match' and 1 'nomatch' examples (found 2 and 0)");
        String noExamples = "pack: x\nrules:\n  - id: NO_EX\n    neutral: true\n    patterns:\n      - tokens: '[{lemma:hmm}]'\n";
        assertOneLine(load("x.yaml", noExamples),
                "x.yaml:3: rule NO_EX: a rule needs 'examples' with at least 2 'match' and 1 'nomatch' sentences");
    }

    @Test
    void codeInPatternsIsRefused() {
        assertOneLine(load("c.yaml", tokens("[{word::IS_NUM}]")),
                "c.yaml:7: rule MY_RULE: patterns[0]: '::' (a named predicate function) is not allowed: patterns match words and cannot call functions");
        assertOneLine(load("c.yaml", tokens("[{{ word.length() > 3 }}]")),
                "c.yaml:7: rule MY_RULE: patterns[0]: '{{ ... }}' (an expression node) is not allowed: patterns match words and cannot evaluate expressions");
        assertOneLine(load("c.yaml", tokens("[{lemma:want}] => Format(\"x\")")),
                "c.yaml:7: rule MY_RULE: patterns[0]: '=>' (a value or action) is not allowed: patterns match words and cannot run actions");
        assertOneLine(load("c.yaml", tokens("[{lemma:want}] ==> &annotate({ner=X})")),
                "c.yaml:7: rule MY_RULE: patterns[0]: '=>' (a value or action) is not allowed: patterns match words and cannot run actions");
        assertOneLine(load("c.yaml", tokens("[{Runtime:/x/}]")),
                "c.yaml:7: rule MY_RULE: patterns[0]: unknown token attribute 'Runtime' (use word, lemma or tag)");
    }

    @Test
    void explosivePatternsAreRefused() {
        assertOneLine(load("e.yaml", tokens("([]*)* [{lemma:quit}]")),
                "e.yaml:7: rule MY_RULE: patterns[0]: a repeat of a group that holds a repeat (like '([]*)*' or '([]{0,3}){0,5}') can take exponential time; write the repeat once");
        assertStartsWith(load("e.yaml", tokens("([{lemma:want}] []{0,3}){0,5} [{lemma:quit}]")), "e.yaml:7: rule MY_RULE: patterns[0]: a repeat of a group");
        assertOneLine(load("e.yaml", tokens("[{word:/(a+)+b/}]")),
                "e.yaml:7: rule MY_RULE: patterns[0]: word regex /(a+)+b/: a repeated group ('(...)+') can backtrack without end; repeat single characters or classes only");
        assertOneLine(load("e.yaml", tokens("[{word:/(x)\\1/}]")),
                "e.yaml:7: rule MY_RULE: patterns[0]: word regex /(x)\\1/: backreferences are not allowed");
        assertOneLine(load("e.yaml", pack("      - dependency: '{lemma:/(?:a|aa)*/} >nsubj {}'", "")),
                "e.yaml:7: rule MY_RULE: patterns[0]: word regex /(?:a|aa)*/: a repeated group ('(...)*') can backtrack without end; repeat single characters or classes only");
        assertOneLine(load("e.yaml", tokens("[{word:/a*b*c*d*/}]")),
                "e.yaml:7: rule MY_RULE: patterns[0]: word regex /a*b*c*d*/: more than 3 unbounded repeats (* or +) in a row");
        assertOneLine(load("e.yaml", tokens("[{word:/x(?:a+b+|c)d*e+/}]")),
                "e.yaml:7: rule MY_RULE: patterns[0]: word regex /x(?:a+b+|c)d*e+/: more than 3 unbounded repeats (* or +) in a row");
        // Alternatives do not add up: each is tried on its own.
        assertThat(load("ok.yaml", tokens("[{word:/(?i)mm+-?hmm+|mm+|hmm+|um+|uh+|a+b+c+/}]"))).isNull();
    }

    @Test
    void repeatsInSeparateAlternativesDoNotAddUp() {
        // Alternatives are tried one after another, so a list of spellings like mm+|hmm+ is linear.
        assertThat(PatternGuard.checkRegex("(?i)mm+-?hmm+|mm+|hmm+|mhm+|um+|uh+|yeah")).isNull();
        assertThat(PatternGuard.checkRegex("(?i)a+b+|c*d*e*f*")).contains("more than 3 unbounded repeats");
    }

    @Test
    void wordRegexesWhoseRepeatsMultiplyAreRefused() {
        // Stacked bounded repeats: 65^4 ways to split one word (eight of them ran for minutes).
        assertThat(PatternGuard.checkRegex("(?i)a{0,64}a{0,64}a{0,64}a{0,64}b")).contains("ways").contains("a{0,64}a{0,64}");
        assertThat(PatternGuard.checkRegex("(?i)a{0,64}a{0,64}a{0,64}b")).isNull();
        // Runs of options and of alternations multiply the same way; {n} and {0,1} choose little.
        assertThat(PatternGuard.checkRegex("a?".repeat(22) + "b")).contains("ways");
        assertThat(PatternGuard.checkRegex("(?:a|b|c|d)".repeat(11) + "x")).contains("ways");
        assertThat(PatternGuard.checkRegex("(?:ab)?".repeat(22))).contains("ways");
        assertThat(PatternGuard.checkRegex("a{3}".repeat(40))).isNull();
        assertThat(PatternGuard.checkRegex("(?i)(?:don|do not|dont)'?t?-?(?:ever)?")).isNull();
        // A word is at most 128 characters, so a repeat above that chooses no more than 129 lengths.
        assertThat(PatternGuard.checkRegex("a{0,100000}a{0,100000}a{0,100000}")).isNull();
        assertOneLine(load("e.yaml", pack("      - dependency: '{word:/a{0,64}a{0,64}a{0,64}a{0,64}/} >nsubj {}'", "")),
                "e.yaml:7: rule MY_RULE: patterns[0]: word regex /a{0,64}a{0,64}a{0,64}a{0,64}/: its repeats, options and "
                        + "alternatives can split a word in about 1.8e+07 ways (stacked repeats like 'a{0,64}a{0,64}' multiply), "
                        + "more than 2146689; use fewer or narrower repeats");
    }

    @Test
    void deeplyNestedOrHugePatternsAreRefusedNotAStackOverflow() {
        assertOneLine(load("n.yaml", tokens("(".repeat(2000) + "[]" + ")".repeat(2000))),
                "n.yaml:7: rule MY_RULE: patterns[0]: brackets nested deeper than 20 levels");
        assertOneLine(load("n.yaml", pack("      - dependency: '" + "{} > (".repeat(400) + "{}" + ")".repeat(400) + "'", "")),
                "n.yaml:7: rule MY_RULE: patterns[0]: brackets nested deeper than 20 levels");
        assertOneLine(load("n.yaml", tokens("[{lemma:want}] ".repeat(400))),
                "n.yaml:7: rule MY_RULE: patterns[0]: the pattern is longer than 5000 characters; use a lexicon for long word lists");
    }

    @Test
    void yamlThatConstructsObjectsOrExpandsIsRefused() {
        assertOneLine(load("y.yaml", "pack: !!java.lang.ProcessBuilder [\"touch\", \"/tmp/pwned\"]\n"),
                "y.yaml:1: YAML tags are not allowed in rule packs (found '!!java.lang.ProcessBuilder')");
        assertOneLine(load("y.yaml", "pack: y\ndescription: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n"),
                "y.yaml:2: YAML tags are not allowed in rule packs (found '!!javax.script.ScriptEngineManager')");
        StringBuilder laughs = new StringBuilder("pack: lol\nlexicons:\n  A: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'B'; c <= 'I'; c++) {
            char p = (char) (c - 1);
            String ref = "*" + Character.toLowerCase(p);
            laughs.append("  ").append(c).append(": &").append(Character.toLowerCase(c)).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, ref))).append("]\n");
        }
        RulePackException e = load("lol.yaml", laughs.toString());
        assertStartsWith(e, "lol.yaml:");
        assertThat(e.getMessage()).containsAnyOf("anchors and aliases are not allowed", "aliases");
    }
}
