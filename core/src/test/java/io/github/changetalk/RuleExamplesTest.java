package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example of every default rule is a test of its own, named after the rule and pointing at
 * the example's line, as LanguageTool does. (The loader itself refuses a rule with fewer than two
 * matching or one non-matching example, so such a pack fails every test here at load.)
 */
class RuleExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyRuleExample() {
        Classifier classifier = SharedClassifier.get();
        return classifier.rules().stream().flatMap(rule -> classifier.checkExamples(rule.id()).stream()
                .map(check -> DynamicTest.dynamicTest(
                        rule.id() + (check.expectMatch() ? " matches " : " does not match ") + "\"" + check.text() + "\"",
                        sourceUri(check),
                        () -> assertThat(check.passed())
                                .as("%s:%d: %s example of %s: \"%s\": %s", check.source(), check.line(),
                                        check.expectMatch() ? "match" : "nomatch", check.rule(), check.text(), check.problem())
                                .isTrue())));
    }

    @Test
    void everyRuleHasEnoughExamples() {
        Classifier classifier = SharedClassifier.get();
        assertThat(classifier.rules()).isNotEmpty();
        for (RuleInfo rule : classifier.rules()) {
            List<ExampleCheck> checks = classifier.checkExamples(rule.id());
            assertThat(checks.stream().filter(ExampleCheck::expectMatch).count()).as(rule.id() + " match examples").isGreaterThanOrEqualTo(2);
            assertThat(checks.stream().filter(c -> !c.expectMatch()).count()).as(rule.id() + " nomatch examples").isGreaterThanOrEqualTo(1);
        }
    }

    /** Lets IDEs jump from a failing example to its line in rules/. */
    private static URI sourceUri(ExampleCheck check) {
        Path root = Path.of(System.getProperty("changetalk.root", ".."));
        Path file = root.resolve(check.source());
        return Files.exists(file) ? URI.create(file.toAbsolutePath().normalize().toUri() + "?line=" + check.line()) : null;
    }
}
