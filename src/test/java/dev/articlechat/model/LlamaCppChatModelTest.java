package dev.articlechat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.articlechat.support.CapturedLogs;
import dev.articlechat.support.CollectingHandler;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void a_closed_model_has_stopped_its_generations_and_its_loop_and_refuses_new_ones() throws Exception {
        LlamaCppChatModel own = new LlamaCppChatModel(TinyGguf.write(dir.resolve("own.gguf")),
                new LlamaCppChatModel.Options(TinyGguf.CONTEXT_LENGTH, TinyGguf.CONTEXT_LENGTH / 2, 1, 0f, 1));
        Thread generating = new Thread(() -> {
            try {
                own.chat(request("the news ".repeat(20)));
            } catch (RuntimeException e) {
                // cancelled by close, or refused: either is what a stop does to it
            }
        }, "generating");
        generating.setDaemon(true);
        generating.start();
        Thread.sleep(100);

        long started = System.nanoTime();
        List<String> logged;
        try (CapturedLogs logs = CapturedLogs.start()) {
            own.close();
            logged = logs.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
        long closedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(closedMillis).as("ms to stop").isLessThan(10_000);
        assertThat(logged).as("the loop was idle when told to end")
                .anyMatch(line -> line.startsWith("Stopped own.gguf") && line.contains("the task loop idle and ended"));
        assertThatThrownBy(() -> own.chat(request("the news"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopping");
        own.close(); // a second stop is nothing
    }

    private static ChatRequest request(String question) {
        return ChatRequest.builder()
                .messages(SystemMessage.from("be brief"), UserMessage.from(question))
                .build();
    }
}
