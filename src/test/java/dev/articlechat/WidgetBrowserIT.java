package dev.articlechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.http.HttpApi;
import dev.articlechat.http.ServerOptions;
import dev.articlechat.http.HttpSettings;
import dev.articlechat.support.Eventually;
import dev.articlechat.support.FakeOpenAiServer;
import dev.articlechat.support.FakeOpenAiServer.Reply;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the widget's tests in {@code web/test}, each {@code *.test.mjs} file in turn: the Node tests of its modules
 * (no browser), and the browser tests (Node's test runner driving Debian's Chromium through playwright-core)
 * against the real server on loopback. The page that embeds the widget is served by the tests on another origin
 * ({@code http://localhost:PORT} against the API's {@code http://127.0.0.1:PORT}), which this server allows by
 * CORS, as an operator would with {@code --cors-origin}.
 *
 * <p>Three servers: one with the extractive answerer (the default test setup); one whose answers a language
 * model writes word by word (an OpenAI-compatible fake on loopback), so that the browser sees an answer arrive
 * sentence by sentence and a Stop that reaches the model; and one serving two articles, for the demo page's list
 * and the widget scoped to one article.
 *
 * <p>Without Node it fails and says what to install; the npm packages come from the build's {@code npm ci}. Without
 * a Chromium ({@link Chromium#find}) the browser tests are skipped with a warning that says how to get one, unless
 * {@code CI} is set (as {@code .ci/run} sets it): then they fail. The Node tests of the modules always run.
 */
class WidgetBrowserIT {

    private static final Path WEB = Path.of("web");
    /** The two articles of the third server, in the order served (the first is the one {@code /api/article} gives). */
    private static final List<Path> TWO_ARTICLES = List.of(Path.of("src/test/resources/articles/harbour-flood.txt"),
            Path.of("src/test/resources/articles/vaccine-trial.txt"));
    private static final Path ARTIFACTS = Path.of("target", "widget-artifacts");
    private static final long TIME_LIMIT_MINUTES = 10;

    @Test
    void the_widgets_modules_pass_their_node_tests() throws Exception {
        requireNode();
        List<String> failed = new ArrayList<>();
        for (String file : testFiles(false)) {
            if (runNodeTests(file, null, null) != 0) {
                failed.add(file);
            }
        }
        assertThat(failed).as("files whose `node --test FILE` failed (their output is above)").isEmpty();
    }

    @Test
    void the_widget_and_the_demo_page_pass_their_browser_tests_against_the_real_server() throws Exception {
        requireNode();
        String chromium = Chromium.find().orElse(null);
        if (chromium == null) {
            String missing = Chromium.missing();
            // CI must run them (.ci/run sets CI=true); a developer's machine without a browser still builds
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
                throw new AssertionError(missing + " CI is set, so the browser tests fail instead of being skipped.");
            }
            System.out.println("WARNING: " + missing + " The widget's browser tests are SKIPPED; they fail instead "
                    + "when CI is set.");
            Assumptions.abort(missing);
        }
        int hostPagePort = freePort();
        Javalin server = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()
                .withWeb(new HttpSettings(List.of("http://localhost:" + hostPagePort))));
        try (FakeOpenAiServer model = FakeOpenAiServer.start(); ArticleChat modelApp = openWithModel(model);
             ArticleChat twoArticlesApp = openWithTwoArticles()) {
            // Keep-alive comments every 250 ms: they are how the server notices a reader who hung up between sentences.
            Javalin modelServer = HttpApi.create(modelApp.answers(), ServerOptions.defaults()
                    .withKeepAlive(Duration.ofMillis(250)));
            Javalin twoArticlesServer = HttpApi.create(twoArticlesApp.answers(), ServerOptions.defaults());
            server.start("127.0.0.1", 0);
            modelServer.start("127.0.0.1", 0);
            twoArticlesServer.start("127.0.0.1", 0);
            try {
                Files.createDirectories(ARTIFACTS);
                Ports ports = new Ports(server.port(), modelServer.port(), twoArticlesServer.port(), hostPagePort);
                // One file at a time: each starts a Chromium, and two at once on a small machine make timings flaky.
                // Every file runs, so that one failing does not hide how the others fare.
                List<String> failed = new ArrayList<>();
                for (String file : testFiles(true)) {
                    if (runNodeTests(file, ports, chromium) != 0) {
                        failed.add(file);
                    }
                }
                assertThat(failed).as("files whose `node --test FILE` failed (their output is above)").isEmpty();
            } finally {
                modelServer.stop();
                twoArticlesServer.stop();
            }
            assertThat(ARTIFACTS.resolve("demo-phone-360-answer.png")).exists();
            assertThat(ARTIFACTS.resolve("demo-desktop-1280-answer.png")).exists();
            assertThat(model.scriptFailures()).as("the fake model's script always found its passages").isEmpty();
            // The widget's Stop closed the stream; the server, seeing that, stopped the model mid-reply.
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> model.streamsAbandoned() > 0))
                    .as("a streamed reply of the model was abandoned").isTrue();
        } finally {
            server.stop();
        }
    }

    /**
     * A server whose model writes the answer a word at a time, slowly when the question asks for it (the Stop test).
     * Both sentences are ones the support check keeps for a question about when the visit began.
     */
    private static ArticleChat openWithModel(FakeOpenAiServer model) {
        model.replyWith(request -> Reply.content("Carney's visit to China began on Wednesday ["
                        + request.numberOf("which began on Wednesday") + "]. It is the first trip by a Canadian prime "
                        + "minister to China in eight years [" + request.numberOf("in eight years") + "].")
                .streamedSlowly(Duration.ofMillis(request.user().contains("slowly") ? 400 : 60)));
        return ArticleChat.open(TestApp.withOpenAiModel(model.baseUrl(), Duration.ofSeconds(30)));
    }

    /** Where the tests find each server, and the port of the page they serve on another origin. */
    private record Ports(int api, int modelApi, int twoArticlesApi, int hostPage) {
    }

    private static ArticleChat openWithTwoArticles() {
        return ArticleChat.open(TestApp.settings(TestApp.temporaryIndexDir(), TWO_ARTICLES));
    }

    private static int runNodeTests(String file, Ports ports, String chromium) throws Exception {
        ProcessBuilder tests = new ProcessBuilder("node", "--test", file).directory(WEB.toFile()).redirectErrorStream(true);
        if (ports != null) {
            tests.environment().put("ARTICLE_CHAT_URL", "http://127.0.0.1:" + ports.api());
            tests.environment().put("ARTICLE_CHAT_MODEL_URL", "http://127.0.0.1:" + ports.modelApi());
            tests.environment().put("ARTICLE_CHAT_TWO_ARTICLES_URL", "http://127.0.0.1:" + ports.twoArticlesApi());
            tests.environment().put("WIDGET_HOST_PORT", String.valueOf(ports.hostPage()));
            tests.environment().put("WIDGET_ARTIFACTS", ARTIFACTS.toAbsolutePath().toString());
            tests.environment().put("CHROMIUM_PATH", chromium);
        }
        Process run = tests.start();
        Thread echo = new Thread(() -> echo(run), "browser-test-output");
        echo.start();
        boolean finished = run.waitFor(TIME_LIMIT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        echo.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(finished).as("`node --test %s` finishes within %d minutes", file, TIME_LIMIT_MINUTES).isTrue();
        return run.exitValue();
    }

    /** Node and the npm packages, which Maven installs before the integration tests ({@code npm ci} in web/). */
    private static void requireNode() throws InterruptedException {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            assertThat(node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0)
                    .as("`node --version` works").isTrue();
        } catch (IOException e) {
            throw new AssertionError("The widget's tests need Node.js 18 or newer on the PATH "
                    + "(Debian: apt-get install nodejs npm); .ci/run installs it.", e);
        }
        for (String module : List.of("playwright-core", "esbuild")) {
            assertThat(WEB.resolve("node_modules").resolve(module))
                    .as("%s installed: the build runs `npm ci` in web/ before the integration tests", module)
                    .isDirectory();
        }
    }

    /** The test files of web/test that drive a browser (those using support.mjs's Chromium), or the others. */
    private static List<String> testFiles(boolean browser) throws IOException {
        try (Stream<Path> files = Files.list(WEB.resolve("test"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".test.mjs"))
                    .filter(p -> usesBrowser(p) == browser)
                    .map(p -> WEB.relativize(p).toString()).sorted().toList();
        }
    }

    private static boolean usesBrowser(Path testFile) {
        try {
            return Files.readString(testFile).contains("./support.mjs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void echo(Process run) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("[browser] " + line);
            }
        } catch (IOException e) {
            System.out.println("[browser] output ended: " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
