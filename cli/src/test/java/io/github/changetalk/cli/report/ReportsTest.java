package io.github.changetalk.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static SessionView named(String name) {
        return new SessionView(name, null, null, List.of(), null, List.of());
    }

    @Test
    void fileNamesAreSafeUniqueIgnoringCaseAndNeverIndex() {
        List<String> names = Reports.fileNames(List.of(named("alcohol-first-visit"), named("../../etc/passwd"), named("Index"),
                named("A b"), named("a-b"), named("A-B"), named("\u00e9t\u00e9 2024"), named("..."), named("x".repeat(200))));
        assertThat(names).containsExactly("alcohol-first-visit", "etc-passwd", "Index-2", "A-b", "a-b-2", "A-B-3", "t-2024",
                "session", "x".repeat(80));
    }
}
