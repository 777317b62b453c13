package io.github.changetalk.internal.pack;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.changetalk.RulePackException;
import io.github.changetalk.internal.nlp.Analyzer;
import io.github.changetalk.internal.compile.RuleCatalog;
import io.github.changetalk.internal.compile.RuleCompiler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the rule loader (YAML reader, pack parser, catalog, pattern compiler) with arbitrary text. The
 * only acceptable failure is a {@link RulePackException} with a one-line message; anything else (an
 * unchecked exception, an Error, a multi-line message) is a bug, and Jazzer keeps the input.
 *
 * <p>By default this replays the corpus in {@code src/test/resources/.../PackLoaderFuzzTestInputs/}
 * (seed packs and every crash found so far). Fuzz for real with
 * {@code mvn -o test -pl core -Dtest=PackLoaderFuzzTest -Djazzer.fuzz=true}; it stops after
 * {@code maxDuration}.
 */
class PackLoaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void loadPack(FuzzedDataProvider data) {
        // Raw bytes as UTF-8, as a pack file would be read: the corpus files are plain YAML.
        load(new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Arbitrary pattern text inside an otherwise valid pack, so that every input reaches the pattern
     * checks and CoreNLP's TokensRegex and Semgrex parsers (random YAML rarely gets that far).
     */
    @FuzzTest(maxDuration = "60s")
    void loadPattern(FuzzedDataProvider data) {
        boolean dependency = data.consumeBoolean();
        String pattern = data.consumeRemainingAsString().replace("\r", " ").replace("\n", " ").replace("'", "''");
        load("""
                pack: p
                lexicons:
                  WANT: [want, would like]
                rules:
                  - id: FUZZ_RULE
                    kind: desire
                    direction: change
                    patterns:
                      - %s: '%s'
                    examples:
                      match: [a, b]
                      nomatch: [c]
                """.formatted(dependency ? "dependency" : "tokens", pattern));
    }

    private static void load(String yaml) {
        try {
            PackSpec spec = PackParser.parse("fuzz.yaml", yaml);
            RuleCatalog catalog = new RuleCatalog(List.of(spec), Set.of());
            RuleCompiler.compile(catalog, null, Analyzer::tokenizeEntry);
        } catch (RulePackException e) {
            String m = e.getMessage();
            if (m.contains("\n") || m.contains("\r") || !m.startsWith("fuzz.yaml")) {
                throw new AssertionError("pack error is not one line naming the file: " + m, e);
            }
        }
    }
}
