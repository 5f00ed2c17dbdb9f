package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.answer.Question;
import dev.articlechat.http.HttpApi;
import dev.articlechat.http.ServerOptions;
import dev.articlechat.http.Operations;
import dev.articlechat.model.ChatModelSettings;
import dev.articlechat.reindex.ReindexJobs;
import dev.articlechat.support.EventStreamClient;
import dev.articlechat.support.Eventually;
import dev.articlechat.support.FakeOpenAiServer;
import dev.articlechat.support.FakeOpenAiServer.Reply;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What SIGTERM does to a real server in the middle of a slow streamed answer from a model (an OpenAI-compatible
 * server on loopback that writes a word every 150 ms): the stream ends with its answer, new connections are
 * refused meanwhile, and the index is closed only afterwards.
 */
class GracefulShutdownTest {

    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final String QUESTION = "{\"question\": \"When did Carney's visit to China begin?\"}";

    @TempDir
    Path dir;

    private FakeOpenAiServer fake;
    private ArticleChat chat;
    private ReindexJobs jobs;
    private Javalin app;

    @BeforeEach
    void startAServerWithASlowModel() {
        fake = FakeOpenAiServer.start();
        fake.replyWith(request -> Reply.content("Carney's visit to China began on Wednesday ["
                + request.numberOf("which began on Wednesday") + "]. It is the first trip by a Canadian prime"
                + " minister to China in eight years [" + request.numberOf("in eight years") + "].")
                .streamedSlowly(Duration.ofMillis(150)));
        chat = ArticleChat.open(Settings.defaults(dir.resolve("index")).withChatModel(
                ChatModelSettings.openAi(fake.baseUrl(), "fake-model", "test-key")
                        .withTimeout(Duration.ofSeconds(20))));
        jobs = new ReindexJobs(chat::reindex);
        app = HttpApi.create(chat.answers(), ServerOptions.defaults()
                .withOperations(new Operations(jobs, null, null, GRACE))).start("127.0.0.1", 0);
    }

    @AfterEach
    void stopWhatIsLeft() throws IOException {
        app.stop();
        chat.close();
        fake.close();
    }

    @Test
    void finishes_a_stream_in_flight_refuses_new_connections_and_closes_the_index_after() throws Exception {
        int port = app.port();
        String origin = "http://127.0.0.1:" + port;
        CompletableFuture<EventStreamClient.Response> stream = CompletableFuture.supplyAsync(
                () -> EventStreamClient.postJson(origin + "/api/ask/stream", QUESTION));
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> fake.piecesStreamed() >= 2)).isTrue();
        String generation = servedGeneration();
        assertThat(mappedFiles()).as("the open index is mapped").contains(generation);

        Thread sigterm = new Thread(new GracefulShutdown(app, jobs, chat, GRACE), "shutdown");
        sigterm.start();

        assertThat(Eventually.within(Duration.ofSeconds(5), () -> refused(port)))
                .as("a new connection is refused once stopping began").isTrue();
        assertThat(stream).as("the stream is still being written").isNotDone();
        EventStreamClient.Response finished = stream.get(GRACE.toSeconds(), TimeUnit.SECONDS);
        sigterm.join(GRACE.toMillis());

        assertThat(finished.names()).as(finished.body()).startsWith("sources", "token").endsWith("answer");
        JsonNode answer = finished.last().json();
        assertThat(answer.get("model").asText()).isEqualTo("openai:fake-model");
        assertThat(answer.get("answer").asText()).contains("Wednesday [1]").contains("eight years");
        assertThat(answer.has("fallback")).as("the model was not cut off").isFalse();
        assertThat(fake.streamsAbandoned()).isZero();
        assertThat(sigterm.isAlive()).as("shutdown finished").isFalse();
        assertThat(chat.answers().isClosed()).isTrue();
        assertThatThrownBy(() -> chat.answers().ask(Question.of("Who did Carney meet?")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(mappedFiles()).as("the index's files are unmapped: its reader is closed").doesNotContain(generation);
    }

    @Test
    void a_request_on_a_connection_opened_before_the_stop_is_answered_503_or_closed_never_left_hanging()
            throws Exception {
        int port = app.port();
        String origin = "http://127.0.0.1:" + port;
        CompletableFuture<EventStreamClient.Response> stream = CompletableFuture.supplyAsync(
                () -> EventStreamClient.postJson(origin + "/api/ask/stream", QUESTION));
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> fake.piecesStreamed() >= 1)).isTrue();
        try (Socket early = new Socket("127.0.0.1", port)) {
            early.setSoTimeout(5_000);
            Thread sigterm = new Thread(new GracefulShutdown(app, jobs, chat, GRACE), "shutdown");
            sigterm.start();
            // Jetty closes the listener and starts refusing requests on open connections in parallel: wait for both
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> refused(port) && refusingRequests())).isTrue();

            String reply = get(early, "/health");

            assertThat(reply).satisfiesAnyOf(
                    r -> assertThat(r).startsWith("HTTP/1.1 503").contains("application/json")
                            .contains("\"status\":503").contains("stopping"),
                    r -> assertThat(r).as("closed without a reply").isEmpty());
            assertThat(stream.get(GRACE.toSeconds(), TimeUnit.SECONDS).names()).endsWith("answer");
            sigterm.join(GRACE.toMillis());
        }
    }

    /** Whether the graceful handler answers new requests on open connections with a 503 now. */
    private boolean refusingRequests() {
        GracefulHandler handler = app.jettyServer().server().getDescendant(GracefulHandler.class);
        return handler == null || handler.isShutdown();
    }

    private static boolean refused(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends one request on an open connection and reads what comes back until the server closes it. */
    private static String get(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        try {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            return ""; // the server had already closed the connection
        }
        StringBuilder reply = new StringBuilder();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                reply.append(line).append('\n');
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the request hung: " + reply, e);
        } catch (IOException e) {
            // reset by the server: what was read is the reply
        }
        return reply.toString();
    }

    private String servedGeneration() throws IOException {
        try (var children = Files.list(dir.resolve("index"))) {
            return children.filter(Files::isDirectory).findFirst().orElseThrow().toString();
        }
    }

    /** The files this process has mapped into memory, as Linux lists them; Lucene maps an open index's files. */
    private static String mappedFiles() throws IOException {
        return Files.readString(Path.of("/proc/self/maps"));
    }
}
