package dev.articlechat.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1, over real HTTP: the stand-in for a remote model,
 * which is the one part of the application that lives outside the machine. Each test scripts the reply as a
 * function of the request, so a reply can cite the passage number the real prompt gave a sentence.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the fake answers with: a completion, a bare HTTP status and body, or either after a delay. */
    public record Reply(int status, String body, Duration delay, Duration pieceDelay, int breakAfter) {

        /** A well-formed completion whose assistant message is {@code content}. */
        public static Reply content(String content) {
            return new Reply(200, completion(content), Duration.ZERO, Duration.ZERO, Integer.MAX_VALUE);
        }

        /** Any body with any status, sent as JSON: an error, or something that is not JSON at all. */
        public static Reply raw(int status, String body) {
            return new Reply(status, body, Duration.ZERO, Duration.ZERO, Integer.MAX_VALUE);
        }

        public Reply after(Duration delay) {
            return new Reply(status, body, delay, pieceDelay, breakAfter);
        }

        /** Streamed with a pause before each piece, as a slow model writes. */
        public Reply streamedSlowly(Duration pieceDelay) {
            return new Reply(status, body, delay, pieceDelay, breakAfter);
        }

        /** Streamed until {@code pieces} pieces are out, then the stream just ends: a server that died. */
        public Reply breakingAfter(int pieces) {
            return new Reply(status, body, delay, pieceDelay, pieces);
        }

        private static String completion(String content) {
            ObjectNode root = JSON.createObjectNode()
                    .put("id", "chatcmpl-fake")
                    .put("object", "chat.completion")
                    .put("created", System.currentTimeMillis() / 1000)
                    .put("model", "fake-model");
            ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", content);
            choice.put("finish_reason", "stop");
            root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
            return root.toString();
        }
    }

    /** One chat-completions request as the fake received it. */
    public record Received(JsonNode body, String authorization) {

        /** "[n] sentence" lines of the user message. */
        private static final Pattern PASSAGE = Pattern.compile("(?m)^\\[(\\d+)] (.*)$");

        public String model() {
            return body.path("model").asText();
        }

        public String system() {
            return messageOf("system");
        }

        public String user() {
            return messageOf("user");
        }

        public int passageCount() {
            int count = 0;
            Matcher passage = PASSAGE.matcher(system());
            while (passage.find()) {
                count++;
            }
            return count;
        }

        /** The number the prompt gave the passage holding {@code phrase}, if it gave one. */
        public OptionalInt passageContaining(String phrase) {
            Matcher passage = PASSAGE.matcher(system());
            while (passage.find()) {
                if (passage.group(2).contains(phrase)) {
                    return OptionalInt.of(Integer.parseInt(passage.group(1)));
                }
            }
            return OptionalInt.empty();
        }

        /** Like {@link #passageContaining}, for scripts: a prompt without the phrase is a broken test. */
        public int numberOf(String phrase) {
            return passageContaining(phrase).orElseThrow(() -> new IllegalStateException(
                    "no passage in the prompt holds \"" + phrase + "\":\n" + system()));
        }

        private String messageOf(String role) {
            StringBuilder text = new StringBuilder();
            for (JsonNode message : body.path("messages")) {
                if (role.equals(message.path("role").asText())) {
                    text.append(message.path("content").asText());
                }
            }
            return text.toString();
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final List<Throwable> scriptFailures = new CopyOnWriteArrayList<>();
    private final AtomicInteger piecesStreamed = new AtomicInteger();
    private final AtomicInteger streamsAbandoned = new AtomicInteger();
    private volatile Function<Received, Reply> script = request -> Reply.raw(500, "{\"error\":{\"message\":\"no script\"}}");

    private FakeOpenAiServer(HttpServer server) {
        this.server = server;
    }

    public static FakeOpenAiServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeOpenAiServer fake = new FakeOpenAiServer(server);
            server.createContext("/v1/chat/completions", fake::chatCompletions);
            server.setExecutor(fake.handlers); // a slow reply must not hold up the next test's request
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "http://127.0.0.1:PORT/v1", the base URL an OpenAI client is given. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replies to every following request with what {@code script} makes of it. */
    public void replyWith(Function<Received, Reply> script) {
        this.script = script;
    }

    public void replyWith(Reply reply) {
        replyWith(request -> reply);
    }

    public List<Received> requests() {
        return List.copyOf(requests);
    }

    public Received lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("the fake model received no request");
        }
        return requests.get(requests.size() - 1);
    }

    /** Scripts that threw: the test's own mistakes, which the fake answers with a 500 and keeps for the test. */
    public List<Throwable> scriptFailures() {
        return List.copyOf(scriptFailures);
    }

    /** Pieces of streamed replies written so far. */
    public int piecesStreamed() {
        return piecesStreamed.get();
    }

    /** Streamed replies whose client closed the connection before the reply was complete. */
    public int streamsAbandoned() {
        return streamsAbandoned.get();
    }

    public void reset() {
        piecesStreamed.set(0);
        streamsAbandoned.set(0);
        requests.clear();
        scriptFailures.clear();
        script = request -> Reply.raw(500, "{\"error\":{\"message\":\"no script\"}}");
    }

    private void chatCompletions(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, Reply.raw(405, "{\"error\":{\"message\":\"use POST\"}}"));
                return;
            }
            Received request = new Received(JSON.readTree(exchange.getRequestBody()),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(request);
            Reply reply;
            try {
                reply = script.apply(request);
            } catch (RuntimeException e) {
                scriptFailures.add(e);
                reply = Reply.raw(500, "{\"error\":{\"message\":\"the test's script failed\"}}");
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            if (request.body().path("stream").asBoolean() && reply.status() == 200) {
                stream(exchange, reply);
            } else {
                send(exchange, reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timed-out call closes its connection); nobody is left to answer
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * The streaming form of the protocol: the assistant message word by word as {@code chat.completion.chunk}
     * server-sent events, a last chunk with the finish reason, then {@code [DONE]}.
     */
    private void stream(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        String content = JSON.readTree(reply.body()).path("choices").path(0).path("message").path("content").asText();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            String[] pieces = content.split("(?<= )");
            for (int i = 0; i < pieces.length; i++) {
                if (i == reply.breakAfter()) {
                    return; // the stream ends here, without a finish reason or [DONE]
                }
                Thread.sleep(reply.pieceDelay().toMillis());
                try {
                    out.write(event(chunk(pieces[i], null)));
                    out.flush();
                } catch (IOException e) {
                    streamsAbandoned.incrementAndGet(); // the client closed the stream: generation was stopped
                    throw e;
                }
                piecesStreamed.incrementAndGet();
            }
            out.write(event(chunk(null, "stop")));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String chunk(String piece, String finishReason) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", System.currentTimeMillis() / 1000).put("model", "fake-model");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (piece != null) {
            delta.put("content", piece);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return root.toString();
    }

    private static byte[] event(String json) {
        return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
