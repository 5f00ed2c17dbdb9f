package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.articlechat.ArticleChat;
import dev.articlechat.reindex.ReindexJobs;
import dev.articlechat.support.AdminClient;
import dev.articlechat.support.ArticleVersions;
import dev.articlechat.support.EventStreamClient;
import dev.articlechat.support.TestApp;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-indexes while questions keep coming, whole and streamed: not one may fail, and every answer must be whole
 * and consistent, its citations and sources verifying against one version of the article, the one served
 * when it was answered. The article alternates between two versions whose offsets all differ, so an answer that
 * mixed the old index with the new text could not pass.
 */
class ReindexUnderLoadTest {

    private static final Logger log = LoggerFactory.getLogger(ReindexUnderLoadTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "load-test-admin-token";
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
    private static final int REINDEXES = 4;
    private static final List<String> QUESTIONS = List.of("Who did Carney meet in Beijing?",
            "On which day did Carney's visit to China begin?", "Which minister echoed Carney's message in Beijing?",
            "How long is Carney's visit to China?", "What tariffs did Ottawa impose on China?",
            "What did Xi say about the relationship?", "How many memoranda of understanding were signed?",
            "What is the capital of Australia?");

    @TempDir
    Path dir;

    @Test
    void answers_every_question_whole_and_verified_while_the_index_is_rebuilt_and_swapped() throws Exception {
        Path article = Files.writeString(dir.resolve("article.txt"), ArticleVersions.original());
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> answeredFrom = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        Map<String, String> versions = Map.of("original", ArticleVersions.served(ArticleVersions.original()),
                "edited", ArticleVersions.served(ArticleVersions.edited()));
        try (ArticleChat chat = ArticleChat.open(TestApp.settings(dir.resolve("index"), List.of(article)));
             ReindexJobs jobs = new ReindexJobs(chat::reindex)) {
            JavalinTest.test(HttpApi.create(chat.answers(), ServerOptions.defaults()
                    .withOperations(new Operations(jobs, null, TOKEN, Duration.ZERO))), (server, client) -> {
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    boolean streamed = c % 2 == 1;
                    int id = c;
                    clients.add(new Thread(() -> {
                        for (int n = 0; running.get(); n++) {
                            String body = request(QUESTIONS.get((n + id) % QUESTIONS.size()), id * 1_000_000 + n);
                            requests.incrementAndGet();
                            try {
                                String version = streamed ? checkStream(client.getOrigin(), body, versions)
                                        : checkAnswer(client.getOrigin(), body, versions);
                                answeredFrom.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
                            } catch (Exception | AssertionError e) {
                                failures.add((streamed ? "stream: " : "ask: ") + e.getMessage());
                            }
                        }
                    }, "load-" + c));
                }
                clients.forEach(Thread::start);
                AdminClient admin = new AdminClient(client.getOrigin(), TOKEN);
                List<String> states = new ArrayList<>();
                for (int i = 1; i <= REINDEXES; i++) {
                    Files.writeString(article, i % 2 == 1 ? ArticleVersions.edited() : ArticleVersions.original());
                    Thread.sleep(300); // questions answered from the old index while the file is already new
                    states.add(admin.reindex().get("state").asText());
                    Thread.sleep(300);
                }
                running.set(false);
                for (Thread thread : clients) {
                    thread.join(60_000);
                }

                assertThat(failures).as("failed or malformed responses").isEmpty();
                assertThat(states).containsOnly("succeeded").hasSize(REINDEXES);
                assertThat(answeredFrom.keySet()).as("answers came from both versions")
                        .contains("original", "edited");
                assertThat(requests.get()).isGreaterThan(REINDEXES * 10);
            });
        }
        // after the test server is gone: JavalinTest holds back what is logged while it runs
        log.info("{} requests during {} re-indexes, {} failed; answered from: {}", requests.get(), REINDEXES,
                failures.size(), answeredFrom);
    }

    /** The cache is keyed on the conversation: a history unique to each request makes every one search. */
    private static String request(String question, int n) {
        ObjectNode body = JSON.createObjectNode().put("question", question);
        ArrayNode history = body.putArray("history");
        history.addObject().put("role", "user").put("content", "Hello, this is reader " + n + ".");
        history.addObject().put("role", "assistant").put("content", "Ask me about the article.");
        return body.toString();
    }

    private static String checkAnswer(String origin, String body, Map<String, String> versions) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/api/ask"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return versionOf(JSON.readTree(response.body()), List.of(), versions);
    }

    private static String checkStream(String origin, String body, Map<String, String> versions) throws IOException {
        EventStreamClient.Response stream = EventStreamClient.postJson(origin + "/api/ask/stream", body);
        List<String> names = stream.names();
        if (stream.status() != 200 || names.isEmpty() || !names.get(0).equals("sources")
                || !names.get(names.size() - 1).equals("answer")
                || names.subList(1, names.size() - 1).stream().anyMatch(n -> !n.equals("token"))) {
            throw new AssertionError(stream.status() + " " + names + " " + stream.body());
        }
        List<JsonNode> sources = new ArrayList<>();
        stream.events().get(0).json().get("passages").forEach(sources::add);
        return versionOf(stream.last().json(), sources, versions);
    }

    /** The one version of the article that every citation and source of this answer verifies against. */
    private static String versionOf(JsonNode answer, List<JsonNode> sources, Map<String, String> versions) {
        JsonNode citations = answer.get("citations");
        String text = answer.get("answer").asText();
        if (answer.get("answered").asBoolean() == citations.isEmpty()) {
            throw new AssertionError("answered without citations, or refused with some: " + answer);
        }
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            if (Integer.parseInt(marker.group(1)) > citations.size()) {
                throw new AssertionError("marker without a citation: " + answer);
            }
        }
        List<JsonNode> spans = new ArrayList<>(sources);
        citations.forEach(spans::add);
        for (Map.Entry<String, String> version : versions.entrySet()) {
            if (spans.stream().allMatch(span -> verifies(span, version.getValue()))) {
                return version.getKey();
            }
        }
        throw new AssertionError("verifies against no single version of the article: " + answer);
    }

    private static boolean verifies(JsonNode span, String article) {
        int start = span.get("start").asInt();
        int end = span.get("end").asInt();
        String quote = span.has("quote") ? span.get("quote").asText() : span.get("text").asText();
        return 0 <= start && start <= end && end <= article.length() && article.substring(start, end).equals(quote);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
}
