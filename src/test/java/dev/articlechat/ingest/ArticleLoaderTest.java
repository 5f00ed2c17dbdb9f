package dev.articlechat.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleLoaderTest {

    private static final String LAST_SENTENCE = "Trump reignited tensions with Canada early in his second term by "
            + "making remarks about turning Canada into the 51st US state—comments Ottawa has firmly rejected.";

    private final ArticleLoader loader = new ArticleLoader();

    @TempDir
    Path dir;

    @Test
    void loads_the_bundled_article_when_no_file_is_given() {
        Corpus corpus = loader.load(List.of());

        assertThat(corpus.articles()).hasSize(1);
        Article article = corpus.primary();
        assertThat(article.id()).isEqualTo("carney-praises-renewed-canada-china");
        assertThat(article.title())
                .isEqualTo("Carney Praises Renewed Canada–China Strategic Ties During Talks with Xi in Beijing");
    }

    @Test
    void ends_the_bundled_article_with_its_last_sentence_of_prose() {
        Article article = loader.load(List.of()).primary();

        assertThat(article.text()).endsWith("comments Ottawa has firmly rejected.");
        assertThat(article.passages().get(article.passages().size() - 1).text()).isEqualTo(LAST_SENTENCE);
    }

    @Test
    void leaves_the_web_page_leftovers_after_the_story_out_of_the_bundled_article() {
        Article article = loader.load(List.of()).primary();

        assertThat(article.text()).doesNotContain("Comments", "Board of Peace", "one month ago");
        assertThat(article.passages()).extracting(Passage::text)
                .noneMatch(text -> text.contains("Board of Peace") || text.contains("one month ago"));
    }

    @Test
    void does_not_make_the_byline_a_passage() {
        Article article = loader.load(List.of()).primary();

        assertThat(article.text()).startsWith("By Staff, Agencies");
        assertThat(article.passages()).extracting(Passage::text).noneMatch(text -> text.contains("By Staff"));
        assertThat(article.passages().get(0).text()).startsWith("Canadian Prime Minister Mark Carney on Friday");
    }

    @Test
    void every_passage_is_exactly_the_article_text_at_its_offsets() {
        Article article = loader.load(List.of()).primary();

        assertThat(article.passages()).isNotEmpty().allSatisfy(passage -> {
            assertThat(article.text().substring(passage.start(), passage.end())).isEqualTo(passage.text());
            assertThat(passage.text()).isEqualTo(passage.text().strip()).doesNotContain("\n");
            assertThat(passage.articleId()).isEqualTo(article.id());
        });
    }

    @Test
    void numbers_passages_p1_to_pN_in_reading_order() {
        List<Passage> passages = loader.load(List.of()).passages();

        assertThat(passages).extracting(Passage::id)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, passages.size()).mapToObj(n -> "p" + n).toList());
        assertThat(passages).extracting(Passage::ordinal)
                .containsExactlyElementsOf(IntStream.range(0, passages.size()).boxed().toList());
        for (int i = 1; i < passages.size(); i++) {
            assertThat(passages.get(i).start()).isGreaterThan(passages.get(i - 1).end());
        }
    }

    @Test
    void splits_a_paragraph_of_two_sentences_into_two_passages() {
        List<String> texts = loader.load(List.of()).passages().stream().map(Passage::text).toList();

        assertThat(texts).contains(
                "Carney’s four-day visit to China, which began on Wednesday, marks the first trip by a Canadian "
                        + "prime minister to the country in eight years.",
                "Canada’s urgency has been heightened by increased US tariffs imposed by the Trump administration.");
    }

    @Test
    void keeps_a_sentence_ending_in_a_quotation_whole() {
        List<String> texts = loader.load(List.of()).passages().stream().map(Passage::text).toList();

        assertThat(texts).anySatisfy(text -> assertThat(text)
                .startsWith("In recent months, China’s state media")
                .endsWith("what it describes as “strategic autonomy.”"));
        assertThat(texts).anySatisfy(text -> assertThat(text)
                .startsWith("“We are ready to forge a new partnership")
                .endsWith("he wrote on X after arriving in Beijing late Wednesday."));
    }

    @Test
    void gives_two_articles_loaded_together_distinct_ids_and_passage_ids_of_their_own() throws IOException {
        Path first = write("first.txt", """
                Ottawa Weighs New Trade Rules
                Ministers met on Monday to discuss new trade rules for the coming year. No deal was reached.
                """);
        Path second = write("second.txt", """
                Beijing Hosts Energy Forum
                Delegates from twelve countries gathered in Beijing to talk about energy.
                The forum closes on Sunday with a joint statement.
                """);

        Corpus corpus = loader.load(List.of(first, second));

        assertThat(corpus.articles()).extracting(Article::id)
                .containsExactly("ottawa-weighs-new-trade-rules", "beijing-hosts-energy-forum");
        assertThat(corpus.passages()).extracting(Passage::id).containsExactly("p1", "p2", "p1", "p2");
        assertThat(corpus.passages()).extracting(Passage::ordinal).containsExactly(0, 1, 0, 1);
        Passage third = corpus.article("beijing-hosts-energy-forum").orElseThrow().passage("p1").orElseThrow();
        assertThat(corpus.articleOf(third).id()).isEqualTo("beijing-hosts-energy-forum");
        assertThat(third.text()).startsWith("Delegates from twelve countries");
        assertThat(corpus.articleOf(third).text().substring(third.start(), third.end())).isEqualTo(third.text());
    }

    @Test
    void gives_two_articles_with_the_same_title_different_ids() throws IOException {
        String story = "Same Headline Twice\nThis story has exactly one sentence of prose in it.\n";
        Path first = write("a.txt", story);
        Path second = write("b.txt", story);

        Corpus corpus = loader.load(List.of(first, second));

        assertThat(corpus.articles()).extracting(Article::id)
                .containsExactly("same-headline-twice", "same-headline-twice-2");
        assertThat(corpus.passages()).extracting(Passage::articleId)
                .containsExactly("same-headline-twice", "same-headline-twice-2");
    }

    @Test
    void names_the_file_it_cannot_read() {
        Path missing = dir.resolve("missing.txt");

        assertThatThrownBy(() -> loader.load(List.of(missing)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.txt");
    }

    @Test
    void rejects_a_file_with_a_title_but_no_prose() throws IOException {
        Path empty = write("empty.txt", "A Headline Alone\nShare this article\n2 hours ago\n");

        assertThatThrownBy(() -> loader.load(List.of(empty)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a-headline-alone")
                .hasMessageContaining("prose");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
