package dev.articlechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.http.HttpApi;
import dev.articlechat.http.HttpSettings;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the browser tests in {@code web/test} (Node's test runner driving Debian's Chromium through
 * playwright-core) against the real server on loopback. The page that embeds the widget is served by the tests on
 * another origin ({@code http://localhost:PORT} against the API's {@code http://127.0.0.1:PORT}), which this
 * server allows by CORS, as an operator would with {@code --cors-origin}.
 *
 * <p>Never skipped: without Node, Chromium or the npm packages it fails and says what to install.
 */
class WidgetBrowserIT {

    private static final Path WEB = Path.of("web");
    private static final Path ARTIFACTS = Path.of("target", "widget-artifacts");
    private static final long TIME_LIMIT_MINUTES = 10;

    @Test
    void the_widget_and_the_demo_page_pass_their_browser_tests_against_the_real_server() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        requireTools(chromium);
        int hostPagePort = freePort();
        Javalin server = HttpApi.create(TestApp.shared().answers(), null,
                new HttpSettings(List.of("http://localhost:" + hostPagePort)));
        server.start("127.0.0.1", 0);
        try {
            Files.createDirectories(ARTIFACTS);
            // One file at a time: each starts its own Chromium, and two at once on a small CI machine make timings flaky.
            for (String file : testFiles()) {
                assertThat(runNodeTests(file, server.port(), hostPagePort, chromium))
                        .as("exit code of `node --test %s` (its output is above)", file).isZero();
            }
            assertThat(ARTIFACTS.resolve("demo-phone-360-answer.png")).exists();
            assertThat(ARTIFACTS.resolve("demo-desktop-1280-answer.png")).exists();
        } finally {
            server.stop();
        }
    }

    private static int runNodeTests(String file, int apiPort, int hostPagePort, String chromium) throws Exception {
        ProcessBuilder tests = new ProcessBuilder("node", "--test", file).directory(WEB.toFile()).redirectErrorStream(true);
        tests.environment().put("ARTICLE_CHAT_URL", "http://127.0.0.1:" + apiPort);
        tests.environment().put("WIDGET_HOST_PORT", String.valueOf(hostPagePort));
        tests.environment().put("WIDGET_ARTIFACTS", ARTIFACTS.toAbsolutePath().toString());
        tests.environment().put("CHROMIUM_PATH", chromium);
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

    private static void requireTools(String chromium) throws InterruptedException {
        String fix = "; .ci/run installs everything the browser tests need.";
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            assertThat(node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0)
                    .as("`node --version` works").isTrue();
        } catch (IOException e) {
            throw new AssertionError("The browser tests need Node.js 18 or newer on the PATH "
                    + "(Debian: apt-get install nodejs npm)" + fix, e);
        }
        assertThat(Files.isExecutable(Path.of(chromium)))
                .as("Chromium at %s (Debian: apt-get install chromium, or set CHROMIUM_PATH)%s", chromium, fix)
                .isTrue();
        assertThat(WEB.resolve("node_modules").resolve("playwright-core"))
                .as("playwright-core installed: run `npm ci` in web/%s", fix)
                .isDirectory();
    }

    private static List<String> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(WEB.resolve("test"))) {
            return files.map(p -> WEB.relativize(p).toString()).filter(name -> name.endsWith(".test.mjs")).sorted().toList();
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
