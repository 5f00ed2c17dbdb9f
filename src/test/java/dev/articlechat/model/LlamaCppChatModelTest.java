package dev.articlechat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.articlechat.support.CollectingHandler;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The in-process llama.cpp chat model, on a tiny random-weight GGUF that the test writes itself. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LlamaCppChatModelTest {

    @TempDir
    static Path dir;

    private static LlamaCppChatModel model;

    @BeforeAll
    static void loadTinyModel() {
        Path file = TinyGguf.write(dir.resolve("tiny.gguf"));
        model = new LlamaCppChatModel(file, new LlamaCppChatModel.Options(TinyGguf.CONTEXT_LENGTH, 8, 1, 0f, 1));
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void answers_a_chat_request_within_the_token_limit() {
        ChatResponse response = model.chat(request("the news"));

        assertThat(response.aiMessage().text()).isNotNull();
        assertThat(response.tokenUsage().outputTokenCount()).isBetween(1, 9);
        assertThat(response.modelName()).isEqualTo("tiny.gguf");
    }

    @Test
    void streams_the_same_pieces_it_completes_with() throws Exception {
        CollectingHandler stream = new CollectingHandler();

        model.chat(request("the news said"), stream);

        assertThat(stream.pieces()).isNotEmpty();
        assertThat(String.join("", stream.pieces())).isEqualTo(stream.await(10).aiMessage().text());
    }

    @Test
    void shortens_a_prompt_longer_than_the_context_instead_of_failing() {
        String longQuestion = "the news said hello ".repeat(400); // far more than 512 tokens

        ChatResponse response = model.chat(request(longQuestion));

        assertThat(response.tokenUsage().outputTokenCount()).isPositive();
    }

    @Test
    void stops_generating_when_the_asking_thread_is_interrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> model.chat(request("the news")))
                    .isInstanceOf(LlamaCppChatModel.GenerationCancelledException.class);
        } finally {
            Thread.interrupted(); // clear the flag for the next test
        }
        assertThat(model.chat(request("the news")).aiMessage().text()).isNotNull();
    }

    private static ChatRequest request(String question) {
        return ChatRequest.builder()
                .messages(SystemMessage.from("be brief"), UserMessage.from(question))
                .build();
    }
}
