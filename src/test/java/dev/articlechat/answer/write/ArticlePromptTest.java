package dev.articlechat.answer.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.answer.Question;
import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.ArticleParser;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Passage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticlePromptTest {

    private static final Article ARTICLE = new ArticleParser().parse("harbour", """
            Saltmouth Votes for a Tidal Barrier
            The council approved the barrier on Tuesday.
            The motion passed by 14 votes to 5.
            Fishermen opposed the plan.
            """);
    private static final Corpus CORPUS = new Corpus(List.of(ARTICLE));

    @Test
    void points_the_model_to_the_sentences_retrieval_found_by_the_numbers_it_reads_in_article_order() {
        ArticlePrompt.Material material = ArticlePrompt.wholeArticle(CORPUS, ARTICLE, 10_000).orElseThrow();
        Passage vote = sentence("14 votes");
        Passage approval = sentence("approved");

        List<ChatMessage> messages = ArticlePrompt.messages(material, Question.of("Was the vote unanimous?"),
                Set.of(vote, approval));

        int voteNumber = material.passages().indexOf(vote) + 1;
        assertThat(((SystemMessage) messages.get(0)).text()).contains("[" + voteNumber + "] The motion passed");
        assertThat(((UserMessage) messages.get(messages.size() - 1)).singleText())
                .isEqualTo("Was the vote unanimous? (see [" + (voteNumber - 1) + "] and [" + voteNumber + "])");
    }

    @Test
    void leaves_the_question_alone_when_nothing_found_is_in_what_the_model_reads() {
        ArticlePrompt.Material material = ArticlePrompt.wholeArticle(CORPUS, ARTICLE, 10_000).orElseThrow();
        Passage elsewhere = new Passage("p9", "other", 0, 0, 10, "Elsewhere.");

        assertThat(ArticlePrompt.pointer(material, Set.of())).isEmpty();
        assertThat(ArticlePrompt.pointer(material, Set.of(elsewhere))).isEmpty();
    }

    @Test
    void keeps_the_prefix_the_model_has_cached_the_same_whatever_is_pointed_to() {
        ArticlePrompt.Material material = ArticlePrompt.wholeArticle(CORPUS, ARTICLE, 10_000).orElseThrow();

        List<ChatMessage> one = ArticlePrompt.messages(material, Question.of("Who opposed it?"),
                Set.of(sentence("Fishermen")));
        List<ChatMessage> other = ArticlePrompt.messages(material, Question.of("When?"), Set.of(sentence("approved")));

        assertThat(one.get(0)).isEqualTo(other.get(0));
    }

    private static Passage sentence(String containing) {
        return ARTICLE.passages().stream().filter(p -> p.text().contains(containing)).findFirst().orElseThrow();
    }
}
