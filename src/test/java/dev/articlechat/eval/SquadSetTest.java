package dev.articlechat.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.ArticleParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a file in SQuAD 2.0's layout into articles, on the invented fixture. */
class SquadSetTest {

    private static final Path INVENTED = Path.of("src/test/resources/squad/invented-squad.json");

    @Test
    void makes_one_article_of_a_titles_first_paragraphs_with_their_questions() {
        SquadArticle lake = SquadSet.read(INVENTED).articles(List.of("Lake_Orvana"), 2).get(0);

        assertThat(lake.heading()).isEqualTo("Lake Orvana");
        assertThat(lake.paragraphs()).hasSize(2);
        assertThat(lake.questions()).extracting(SquadQuestion::id)
                .containsExactly("lake-1", "lake-2", "lake-3", "lake-4", "lake-5", "lake-6");
        assertThat(lake.questions().get(0).answers()).containsExactly("Tessel River", "the Tessel River");
        assertThat(lake.questions().get(2).impossible()).isTrue();
        assertThat(lake.questions().get(2).answers()).isEmpty();
    }

    @Test
    void the_article_reads_as_our_plain_text_articles_do_title_first_then_paragraphs() {
        SquadArticle lake = SquadSet.read(INVENTED).articles(List.of("Lake_Orvana"), 2).get(0);

        Article article = new ArticleParser().parse("lake-orvana", lake.text());

        assertThat(article.title()).isEqualTo("Lake Orvana");
        assertThat(article.text()).isEqualTo(String.join("\n\n", lake.paragraphs()));
        assertThat(article.passages()).hasSize(5);
    }

    @Test
    void takes_every_paragraph_of_a_title_that_has_fewer_than_asked_for() {
        List<SquadArticle> articles = SquadSet.read(INVENTED).articles(List.of("Copper_Bell_Festival", "Lake_Orvana"), 10);

        assertThat(articles).extracting(SquadArticle::title).containsExactly("Copper_Bell_Festival", "Lake_Orvana");
        assertThat(articles.get(1).questions()).hasSize(7);
    }

    @Test
    void refuses_a_title_the_file_does_not_have_or_one_given_twice() {
        SquadSet set = SquadSet.read(INVENTED);

        assertThatThrownBy(() -> set.articles(List.of("Lake Orvana"), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no title Lake Orvana");
        assertThatThrownBy(() -> set.articles(List.of("Lake_Orvana", "Lake_Orvana"), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> set.articles(List.of("Lake_Orvana"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
