package dev.articlechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.http.HttpApi;
import dev.articlechat.http.ServerOptions;
import dev.articlechat.model.ChatModelSettings;
import dev.articlechat.support.TestApp;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server asked for a local model that is not there still starts, answers extractively, and says why. */
class NoLanguageModelTest {

    @TempDir
    Path emptyModelsDir;

    @Test
    void answers_extractively_and_says_why_when_no_local_model_can_be_had() throws Exception {
        ChatModelSettings local = ChatModelSettings.local(null, emptyModelsDir).withContextSize(2048);

        try (ArticleChat chat = ArticleChat.open(Settings.defaults(TestApp.temporaryIndexDir()).withChatModel(local))) {
            assertThat(chat.answers().modelName()).isEqualTo("extractive");
            assertThat(chat.languageModelProblem()).contains("no local model").contains("fetch-model");

            JavalinTest.test(HttpApi.create(chat.answers(), ServerOptions.defaults()
                    .withModelUnavailable(chat.languageModelProblem())), (server, client) -> {
                JsonNode health = new ObjectMapper().readTree(client.get("/health").body().string());
                assertThat(health.get("model").asText()).isEqualTo("extractive");
                assertThat(health.get("modelUnavailable").asText()).contains("no local model");
                assertThat(health.has("modelCache")).as("no model, no prompt cache to report").isFalse();
                JsonNode answer = new ObjectMapper().readTree(client.post("/api/ask",
                        Map.of("question", "Which minister echoed Carney's message in Beijing?")).body().string());
                assertThat(answer.get("answer").asText()).contains("Anita Anand");
            });
        }
    }

    @Test
    void answers_extractively_when_the_given_model_file_does_not_exist() {
        ChatModelSettings missing = ChatModelSettings.local(emptyModelsDir.resolve("nope.gguf"), emptyModelsDir)
                .withContextSize(2048);

        try (ArticleChat chat = ArticleChat.open(Settings.defaults(TestApp.temporaryIndexDir())
                .withChatModel(missing))) {
            assertThat(chat.answers().modelName()).isEqualTo("extractive");
            assertThat(chat.languageModelProblem()).contains("nope.gguf").contains("does not exist");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
