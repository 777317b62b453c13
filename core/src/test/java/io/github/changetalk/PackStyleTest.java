package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.changetalk.internal.pack.MacroSpec;
import io.github.changetalk.internal.pack.PackParser;
import io.github.changetalk.internal.pack.PackSpec;
import io.github.changetalk.internal.pack.PatternText;
import io.github.changetalk.internal.pack.PatternSpec;
import io.github.changetalk.internal.pack.PatternType;
import io.github.changetalk.internal.pack.RuleSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The default packs stay readable: no line longer than 160 characters (split long patterns over lines),
 * and no literal token test written out more than 20 times (give it a macro in rules/common.yaml).
 */
class PackStyleTest {
    static final int MAX_LINE = 160;
    static final int MAX_REPEATS = 20;

    private static List<Path> packs() throws IOException {
        Path rules = Path.of(System.getProperty("changetalk.root", "..")).resolve("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            return walk.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !rules.relativize(p).startsWith("target"))
                    .filter(p -> !rules.relativize(p).startsWith("weights")) // evidence weights: written by train, not packs
                    .sorted().toList();
        }
    }

    @Test
    void noPackLineIsLongerThan160Characters() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path p : packs()) {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > MAX_LINE) {
                    tooLong.add(p + ":" + (i + 1) + " (" + lines.get(i).length() + " characters)");
                }
            }
        }
        assertThat(tooLong).as("lines longer than %d characters: split the pattern over lines (tokens: |)", MAX_LINE).isEmpty();
    }

    @Test
    void noLiteralTokenTestIsWrittenMoreThan20Times() throws IOException {
        Map<String, Integer> uses = new TreeMap<>();
        for (Path p : packs()) {
            PackSpec pack = PackParser.parse(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
            for (MacroSpec m : pack.macros()) {
                tokenTests(m.text()).forEach(t -> uses.merge(t, 1, Integer::sum));
            }
            for (RuleSpec r : pack.rules()) {
                for (PatternSpec s : r.allPatterns()) {
                    if (s.type() == PatternType.TOKENS) {
                        tokenTests(s.text()).forEach(t -> uses.merge(t, 1, Integer::sum));
                    }
                }
            }
        }
        assertThat(uses.get("[{lemma:/can|could/}]")).as("the scan sees token tests").isNotNull();
        Map<String, Integer> repeated = uses.entrySet().stream().filter(e -> e.getValue() > MAX_REPEATS)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(repeated).as("token tests written more than %d times: name them with a macro in rules/common.yaml",
                MAX_REPEATS).isEmpty();
    }

    @Test
    void theScanFindsEveryTokenTestButTheWildcard() {
        assertThat(tokenTests("$I [{word:/(?i)i/}] []{0,3} ([{tag:/[.,:]/}] | [{lemma:want} & !{word:/\\]/}])?"))
                .containsExactly("[{word:/(?i)i/}]", "[{tag:/[.,:]/}]", "[{lemma:want} & !{word:/\\]/}]");
    }

    /** The token tests ({@code [...]}, not the wildcard {@code []}) of a token pattern, as written. */
    static List<String> tokenTests(String pattern) {
        List<String> out = new ArrayList<>();
        boolean[] code = PatternText.code(pattern, new char[1]);
        int start = -1;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (!code[i]) {
                continue;
            }
            if (c == '[' && start < 0) {
                start = i;
            } else if (c == ']' && start >= 0) {
                String test = pattern.substring(start, i + 1);
                if (!test.equals("[]")) {
                    out.add(test);
                }
                start = -1;
            }
        }
        return out;
    }
}
