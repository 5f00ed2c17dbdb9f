package dev.articlechat.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of article parsing and loading on any text. A text is either refused with the
 * documented {@link IllegalArgumentException} (no body, no prose) or becomes an article whose passages quote it
 * exactly, in order and without overlap. The same text loaded twice from files gets two distinct ids and
 * passage numbers that start again in each article.
 * Seeds (plain text) and regression inputs: {@code src/test/resources/dev/articlechat/ingest/ArticleParserFuzzTestInputs/}.
 */
class ArticleParserFuzzTest {

    private static Path file;

    @BeforeAll
    static void oneFileForEveryInput() throws IOException {
        file = Files.createTempFile("fuzzed-article", ".txt");
    }

    @AfterAll
    static void removeIt() throws IOException {
        Files.deleteIfExists(file);
    }

    @FuzzTest(maxDuration = "5s")
    void parses_any_text_into_passages_that_quote_it_or_refuses_it_plainly(byte[] input) throws IOException {
        String raw = new String(input, UTF_8);
        Article article;
        try {
            article = new ArticleParser().parse("fuzzed", raw);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("article fuzzed has");
            return;
        }
        assertQuotesItsText(article);

        Files.writeString(file, raw);
        List<Article> loaded = new ArticleLoader().load(List.of(file, file)).articles();
        assertThat(loaded).hasSize(2);
        assertThat(loaded.get(0).id()).isNotEqualTo(loaded.get(1).id()).matches("[a-z0-9-]+");
        assertThat(loaded.get(0).text()).isEqualTo(article.text());
        assertQuotesItsText(loaded.get(0));
        assertQuotesItsText(loaded.get(1));
    }

    private static void assertQuotesItsText(Article article) {
        assertThat(article.passages()).as("an article of prose has passages").isNotEmpty();
        Set<String> ids = new HashSet<>();
        int previousEnd = 0;
        int ordinal = 0;
        for (Passage passage : article.passages()) {
            assertThat(passage.start()).as("passages are ordered and do not overlap").isGreaterThanOrEqualTo(previousEnd);
            assertThat(passage.end()).isGreaterThan(passage.start()).isLessThanOrEqualTo(article.text().length());
            assertThat(passage.text()).as("a passage is the article's text at its offsets")
                    .isEqualTo(article.text().substring(passage.start(), passage.end()));
            assertThat(passage.ordinal()).isEqualTo(ordinal);
            assertThat(passage.id()).isEqualTo("p" + (ordinal + 1));
            assertThat(passage.articleId()).isEqualTo(article.id());
            assertThat(ids.add(passage.id())).isTrue();
            previousEnd = passage.end();
            ordinal++;
        }
    }
}
