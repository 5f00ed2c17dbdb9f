package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.reindex.ArticleLibrary;
import dev.articlechat.reindex.ReindexJobs;
import dev.articlechat.slack.SlackSettings;
import dev.articlechat.support.ShellBlocks;
import dev.articlechat.support.ShellBlocks.Command;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docs/API.md}, the contract, against the real application with every route switched on (admin token,
 * Slack, a data directory): every route the page names is in its table of routes and is answered with the
 * content type the table gives, every field a response example shows is in a real response, and every
 * {@code curl} of the docs calls a documented route.
 */
class DocumentedApiTest {

    private static final Path CONTRACT = Path.of("docs", "API.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "an-admin-token-for-the-documented-api";
    private static final String SLACK_SECRET = "a-slack-signing-secret-for-the-documented-api";
    private static final String QUESTION = "Who did Carney meet in Beijing?";
    private static final String ARTICLE = """
            Harbour Council Approves Flood Barrier

            The harbour council on Monday approved a flood barrier costing 40 million dollars.
            Work begins in spring and will take two years.
            """;

    /** A route mentioned in backticks: {@code `POST /api/ask`}, {@code `GET /api/article?id=`}. */
    private static final Pattern ROUTE = Pattern.compile("`(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (/[^`\\s?]*)[^`]*`");
    /** A row of the table of routes: {@code | `GET /health` | `application/json` | …}. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z]+) (/[^`]*)` \\| `([^`]+)`");
    private static final Pattern HEADING = Pattern.compile("^#{2,4} ");

    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        boolean matches(String method, String path) {
            String template = Pattern.quote(this.path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return this.method.equals(method) && path.matches(template);
        }
    }

    /** A documented route and the content type its row in the table gives. */
    record DocumentedRoute(Route route, String contentType) {
        @Override
        public String toString() {
            return route + " → " + contentType;
        }
    }

    /** A response example: the JSON block after a "Response …" line under a route's heading. */
    record Example(Route route, int line, String json) {
        @Override
        public String toString() {
            return route + " (docs/API.md:" + line + ")";
        }
    }

    record Reply(int status, String contentType, String body) {
    }

    @TempDir
    static Path dir;

    private static ArticleChat chat;
    private static ReindexJobs jobs;
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void serveWithEveryRouteOn() {
        Settings settings = TestApp.settings(dir.resolve("index"), List.of()).withDataDir(dir.resolve("data"));
        chat = ArticleChat.open(settings);
        jobs = new ReindexJobs(chat::reindex);
        ArticleLibrary library = new ArticleLibrary(ArticleChat.store(settings).orElseThrow(), jobs,
                chat.answers()::corpus);
        app = HttpApi.create(chat.answers(), ServerOptions.defaults()
                .withSlack(new SlackSettings(SLACK_SECRET, null, SlackSettings.EPHEMERAL))
                .withOperations(new Operations(jobs, library, TOKEN, Duration.ZERO))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        jobs.close();
        chat.close();
    }

    @Test
    void names_every_route_it_mentions_in_its_table_of_routes() throws IOException {
        Set<String> documented = new TreeSet<>();
        documentedRoutes().forEach(r -> documented.add(r.route().toString()));
        Set<String> mentioned = new TreeSet<>();
        Matcher mention = ROUTE.matcher(Files.readString(CONTRACT));
        while (mention.find()) {
            String method = mention.group(1).equals("HEAD") ? "GET" : mention.group(1);
            mentioned.add(method + " " + mention.group(2));
        }

        assertThat(documented).contains("POST /api/ask", "POST /api/ask/stream", "GET /api/article", "GET /health");
        assertThat(mentioned).as("routes docs/API.md mentions; its table of routes must list each")
                .isSubsetOf(documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedRoutes")
    void answers_every_documented_route_with_its_documented_content_type(DocumentedRoute documented) throws Exception {
        Reply reply = send(documented.route());

        assertThat(reply.status()).as("%s answered %s", documented.route(), reply.body()).isBetween(200, 299);
        assertThat(reply.contentType()).as("%s's content type", documented.route())
                .startsWith(documented.contentType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseExamples")
    void a_real_response_has_every_field_the_example_shows(Example example) throws Exception {
        JsonNode shown;
        try {
            shown = JSON.readTree(example.json());
        } catch (JsonProcessingException e) {
            throw new AssertionError(example + ": the example is not JSON: " + e.getOriginalMessage());
        }
        Reply reply = send(example.route());
        assertThat(reply.status()).as("%s answered %s", example.route(), reply.body()).isBetween(200, 299);

        assertThat(fields(JSON.readTree(reply.body()))).as("the fields of a real response to %s", example)
                .containsAll(fields(shown));
    }

    @Test
    void the_ask_example_is_one_of_those_checked() throws IOException {
        assertThat(responseExamples()).extracting(e -> e.route().toString()).contains("POST /api/ask", "GET /api/article");
    }

    @Test
    void every_curl_in_the_docs_calls_a_documented_route() throws IOException {
        List<Route> routes = documentedRoutes().map(DocumentedRoute::route).toList();
        List<Command> curls = ShellBlocks.commands(ShellBlocks.docs()).stream()
                .filter(c -> c.program().equals("curl")).toList();
        List<String> undocumented = new ArrayList<>();
        for (Command curl : curls) {
            String method = curlMethod(curl.words());
            String path = curlPath(curl.words());
            String asGet = method.equals("HEAD") ? "GET" : method;
            if (path == null || routes.stream().noneMatch(r -> r.matches(asGet, path))) {
                undocumented.add(curl + "\n    " + method + " " + path);
            }
        }

        assertThat(curls).as("curl commands in the docs").hasSizeGreaterThan(3);
        assertThat(undocumented).as("curl commands calling a route docs/API.md does not document").isEmpty();
    }

    static Stream<DocumentedRoute> documentedRoutes() throws IOException {
        List<DocumentedRoute> routes = new ArrayList<>();
        for (String line : Files.readAllLines(CONTRACT)) {
            Matcher row = TABLE_ROW.matcher(line);
            if (row.find()) {
                routes.add(new DocumentedRoute(new Route(row.group(1), row.group(2)), row.group(3)));
            }
        }
        return routes.stream();
    }

    static List<Example> responseExamples() throws IOException {
        List<String> lines = Files.readAllLines(CONTRACT);
        List<Example> examples = new ArrayList<>();
        Route section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (HEADING.matcher(line).find()) {
                Matcher route = ROUTE.matcher(line);
                section = route.find() ? new Route(route.group(1), route.group(2)) : null;
            } else if (section != null && line.startsWith("Response ") && i + 1 < lines.size()
                    && lines.get(i + 1).strip().equals("```json")) {
                StringBuilder json = new StringBuilder();
                int j = i + 2;
                for (; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
                    json.append(lines.get(j)).append('\n');
                }
                examples.add(new Example(section, i + 1, json.toString()));
                i = j;
            }
        }
        return examples;
    }

    /** Every field's path: {@code citations[].quote}, {@code timingsMs.total}; array elements merged. */
    private static Set<String> fields(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, prefix + "[]", paths));
        }
    }

    /**
     * A request the route answers with success: a question where one is asked, the admin token on admin routes,
     * Slack's signature on Slack's. A documented route this does not know is sent without a body.
     */
    private static Reply send(Route route) throws Exception {
        String question = JSON.createObjectNode().put("question", QUESTION).toString();
        return switch (route.toString()) {
            case "POST /api/ask", "POST /api/ask/stream" -> send(route.method(), route.path(), "application/json",
                    question, Map.of());
            case "POST /v1/chat/completions" -> send("POST", route.path(), "application/json",
                    "{\"model\": \"article-chat\", \"messages\": [{\"role\": \"user\", \"content\": \""
                            + QUESTION + "\"}]}", Map.of());
            case "POST /slack/events" -> signed(route.path(), "application/json",
                    "{\"token\": \"unused\", \"challenge\": \"documented\", \"type\": \"url_verification\"}");
            case "POST /slack/commands" -> signed(route.path(), "application/x-www-form-urlencoded", "ssl_check=1");
            case "POST /admin/articles" -> addArticle();
            case "DELETE /admin/articles/{id}" -> {
                String id = JSON.readTree(addArticle().body()).get("id").asText();
                yield send("DELETE", "/admin/articles/" + id, null, null, admin());
            }
            case "GET /v1/models/{id}" -> send("GET", "/v1/models/article-chat", null, null, Map.of());
            case "POST /admin/reindex" -> reindex();
            case "GET /admin/reindex" -> lastReindex();
            default -> send(route.method(), route.path().replaceAll("\\{[^}]+}", "unknown"), null, null,
                    route.path().startsWith("/admin/") ? admin() : Map.of());
        };
    }

    private static Reply addArticle() throws Exception {
        return send("POST", "/admin/articles", "text/plain; charset=utf-8", ARTICLE, admin());
    }

    /** An upload's re-index may still be running (a 409): the documented 202 comes once it is done. */
    private static Reply reindex() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Reply reply = send("POST", "/admin/reindex", null, null, admin());
        while (reply.status() == 409 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = send("POST", "/admin/reindex", null, null, admin());
        }
        return reply;
    }

    /** The state of a finished re-index, which the example shows, rather than of none or of one still running. */
    private static Reply lastReindex() throws Exception {
        reindex();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Reply reply = send("GET", "/admin/reindex", null, null, admin());
        while (reply.body().contains("\"running\"") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = send("GET", "/admin/reindex", null, null, admin());
        }
        return reply;
    }

    private static Map<String, String> admin() {
        return Map.of("Authorization", "Bearer " + TOKEN);
    }

    private static Reply signed(String path, String contentType, String body) throws Exception {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Slack-Request-Timestamp", timestamp);
        headers.put("X-Slack-Signature", new SlackSignature.Generator(SLACK_SECRET).generate(timestamp, body));
        return send("POST", path, contentType, body, headers);
    }

    private static Reply send(String method, String path, String contentType, String body,
                              Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** {@code -X METHOD}, else POST when a body is sent, else GET (as curl decides). */
    private static String curlMethod(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).equals("-X") && i + 1 < words.size()) {
                return words.get(i + 1);
            }
        }
        boolean body = words.stream().anyMatch(w -> w.equals("-d") || w.startsWith("--data"));
        return body ? "POST" : "GET";
    }

    /** The path of the first word that names this server, as {@code localhost:7070/api/ask} or a full URL. */
    private static String curlPath(List<String> words) {
        Pattern url = Pattern.compile("^(?:https?://)?[^/\\s]+:\\d+(/[^?#]*)?.*$");
        for (String word : words.subList(1, words.size())) {
            Matcher m = url.matcher(word);
            if (!word.startsWith("-") && m.matches()) {
                return m.group(1) == null ? "/" : m.group(1);
            }
        }
        return null;
    }
}
