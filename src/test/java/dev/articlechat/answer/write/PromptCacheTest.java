package dev.articlechat.answer.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptCacheTest {

    private final PromptCache cache = new PromptCache(2);

    @Test
    void keeps_the_prompts_read_last_and_forgets_the_one_used_longest_ago() {
        ArticlePrompt.Material first = material("first", "The rules and the first article.");
        ArticlePrompt.Material second = material("second", "The rules and the second article.");
        ArticlePrompt.Material third = material("third", "The rules and the third article.");
        cache.read(first);
        cache.read(second);
        assertThat(cache.state(first)).isEqualTo(ModelAnswerer.Cache.WARM); // asked about again: used last

        cache.read(third);

        assertThat(cache.state(first)).isEqualTo(ModelAnswerer.Cache.WARM);
        assertThat(cache.state(third)).isEqualTo(ModelAnswerer.Cache.WARM);
        assertThat(cache.state(second)).isEqualTo(ModelAnswerer.Cache.COLD);
    }

    @Test
    void claims_a_cold_prompt_once_and_knows_an_edited_article_is_not_read() {
        ArticlePrompt.Material article = material("a", "The rules and the article.");

        assertThat(cache.claim(article)).isTrue();
        assertThat(cache.claim(article)).as("already being read").isFalse();
        assertThat(cache.state(article)).isEqualTo(ModelAnswerer.Cache.WARMING);
        cache.read(article);

        assertThat(cache.state(material("a", "The rules and the article, edited."))).isEqualTo(ModelAnswerer.Cache.COLD);
    }

    @Test
    void forgets_a_prompt_whose_reading_failed() {
        ArticlePrompt.Material article = material("a", "The rules and the article.");
        cache.claim(article);

        cache.forget(article);

        assertThat(cache.state(article)).isEqualTo(ModelAnswerer.Cache.COLD);
        assertThat(cache.claim(article)).isTrue();
    }

    private static ArticlePrompt.Material material(String prefix, String text) {
        return new ArticlePrompt.Material(List.of(), text, prefix);
    }
}
