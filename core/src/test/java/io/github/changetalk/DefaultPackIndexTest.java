package io.github.changetalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** rules/index.txt must list exactly the packs in rules/, or a pack would silently not load. */
class DefaultPackIndexTest {
    @Test
    void indexListsEveryPackFile() throws IOException {
        Path rules = Path.of(System.getProperty("changetalk.root", "..")).resolve("rules");
        List<String> listed = Files.readAllLines(rules.resolve("index.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        List<String> files;
        try (Stream<Path> walk = Files.walk(rules)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> rules.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("target/"))
                    .filter(p -> !p.startsWith("weights/")) // evidence weights files, not packs
                    .sorted().toList();
        }
        assertThat(listed).isEqualTo(files);
    }
}
