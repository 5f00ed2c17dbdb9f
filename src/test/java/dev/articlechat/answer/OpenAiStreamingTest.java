package dev.articlechat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.model.ChatModelSettings;
import dev.articlechat.model.LanguageModel;
import dev.articlechat.model.LanguageModels;
import dev.articlechat.support.CollectingHandler;
import dev.articlechat.support.FakeOpenAiServer;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAI provider's streaming model, against a loopback server speaking the streaming protocol. */
class OpenAiStreamingTest {

    private static FakeOpenAiServer fake;
    private static LanguageModel model;

    @BeforeAll
    static void start() {
        fake = FakeOpenAiServer.start();
        model = LanguageModels.open(ChatModelSettings.openAi(fake.baseUrl(), "fake-model", "test-key")
                .withTimeout(Duration.ofSeconds(5))).model().orElseThrow();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void streams_the_reply_piece_by_piece_and_completes_with_the_whole_of_it() throws Exception {
        String reply = "Carney's visit to China began on Wednesday [1].";
        fake.replyWith(FakeOpenAiServer.Reply.content(reply));
        CollectingHandler stream = new CollectingHandler();

        model.streaming().chat(ChatRequest.builder().messages(UserMessage.from("When did the visit begin?")).build(),
                stream);

        ChatResponse response = stream.await(10);
        assertThat(fake.lastRequest().body().path("stream").asBoolean()).isTrue();
        assertThat(stream.pieces()).hasSizeGreaterThan(1);
        assertThat(String.join("", stream.pieces())).isEqualTo(reply);
        assertThat(response.aiMessage().text()).isEqualTo(reply);
    }

    @Test
    void reports_an_error_when_the_server_fails_instead_of_streaming() throws Exception {
        fake.replyWith(FakeOpenAiServer.Reply.raw(500, "{\"error\":{\"message\":\"overloaded\"}}"));
        CollectingHandler stream = new CollectingHandler();

        model.streaming().chat(ChatRequest.builder().messages(UserMessage.from("When did the visit begin?")).build(),
                stream);

        assertThat(stream.done()).failsWithin(10, TimeUnit.SECONDS);
    }
}
