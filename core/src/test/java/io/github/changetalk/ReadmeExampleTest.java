package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The embedding example in README.md is this code: the test runs it and checks the README still shows it. */
class ReadmeExampleTest {

    // README-EXAMPLE-START
    static String labelOneUtterance() {
        Classifier classifier = Classifier.builder().build();   // build once, share across threads
        UtteranceResult result = classifier.classify(
                Utterance.answering("How do you feel about your drinking?", "I really want to cut down."));
        for (SentenceResult sentence : result.sentences()) {
            for (Evidence e : sentence.evidence()) {
                System.out.println(e.rule() + " matched '" + e.text() + "'");
            }
        }
        return result.label().id();                           // "desire"
    }
    // README-EXAMPLE-END

    @Test
    void readmeExampleRunsAndIsWhatTheReadmeShows() throws Exception {
        assertThat(labelOneUtterance()).isEqualTo("desire");

        Path root = TestCorpus.root();
        String source = Files.readString(root.resolve("core/src/test/java/io/github/changetalk/ReadmeExampleTest.java"));
        String example = between(source, "// README-EXAMPLE-START\n", "    // README-EXAMPLE-END").stripIndent().strip();
        String readme = Files.readString(root.resolve("README.md"));
        assertThat(normalize(readme)).as("README.md must show the example of ReadmeExampleTest verbatim")
                .contains(normalize(example));
    }

    private static String between(String s, String start, String end) {
        int a = s.indexOf(start);
        int b = s.indexOf(end, a);
        assertThat(a).isNotNegative();
        assertThat(b).isGreaterThan(a);
        return s.substring(a + start.length(), b);
    }

    private static String normalize(String s) {
        return s.replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n");
    }
}
