package io.github.changetalk.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** WCAG 2.1 AA for every colour pair the pages use: 4.5:1 for text, 3:1 for marks against the page. */
class PaletteTest {
    @Test
    void contrastIsComputedAsWcagDefinesIt() {
        assertThat(Palette.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(1e-9));
        assertThat(Palette.contrast("#ffffff", "#ffffff")).isCloseTo(1.0, within(1e-9));
        // A known value: #777777 on white is 4.48:1, just short of AA for text.
        assertThat(Palette.contrast("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
    }

    @Test
    void everyPairMeetsAa() {
        assertThat(Palette.contrastPairs()).hasSizeGreaterThan(30);
        for (Palette.Pair p : Palette.contrastPairs()) {
            assertThat(Palette.contrast(p.foreground(), p.background()))
                    .as("%s: %s on %s", p.what(), p.foreground(), p.background())
                    .isGreaterThanOrEqualTo(p.minimum());
        }
    }

    @Test
    void theStylesheetTakesItsColoursFromThePalette() throws Exception {
        String css;
        try (InputStream in = ReportPage.class.getResourceAsStream("report.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Pattern.compile("#[0-9a-fA-F]{3,8}\\b").matcher(css).find()).as("a hex colour in report.css").isFalse();
        assertThat(Pattern.compile("\\b(rgb|hsl)\\(").matcher(css).find()).as("an opaque colour literal in report.css").isFalse();
        assertThat(Palette.cssVariables()).contains("--k-desire:" + Palette.solid(io.github.changetalk.Kind.DESIRE) + ";");
    }
}
