package io.github.changetalk.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void markupCharactersBecomeEntities() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>")).isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void controlCharactersAndBrokenSurrogatesBecomeReplacementCharacters() {
        assertThat(Html.escape("a\u0000b\u001bc\u007fd\u0085e\uD800f\uDC00g\uFFFE")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFD");
        assertThat(Html.escape("tab\tand\nline")).isEqualTo("tab\tand\nline");
        assertThat(Html.escape("emoji \uD83D\uDE00 stays")).isEqualTo("emoji \uD83D\uDE00 stays");
        assertThat(Html.escape("\r")).isEqualTo("\uFFFD");
    }

    @Test
    void plainTextIsReturnedAsItIsAndNullIsEmpty() {
        String s = "I want to quit.";
        assertThat(Html.escape(s)).isSameAs(s);
        assertThat(Html.escape(null)).isEmpty();
    }
}
