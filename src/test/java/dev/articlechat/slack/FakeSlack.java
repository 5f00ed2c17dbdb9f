package dev.articlechat.slack;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Slack on loopback, over real HTTP: the Web API methods the bot calls (form-encoded in, JSON out,
 * as Slack's are) and response URLs for slash commands. It keeps the messages of each channel, so that
 * {@code conversations.replies} returns what was posted, records every call, and can be told to answer a method's
 * next calls with a rate limit or an error.
 */
final class FakeSlack implements AutoCloseable {

    static final String BOT_USER = "UBOT";
    static final String BOT_ID = "BBOT";
    static final String TOKEN = "xoxb-test-token";

    /** One call as the fake received it. {@code params} holds the form fields, {@code json} a JSON body. */
    record Call(String method, Map<String, String> params, JsonNode json, String authorization, long atMillis) {

        String param(String name) {
            return params.get(name);
        }
    }

    /** A scripted reply: HTTP status, headers and body. */
    record Reply(int status, Map<String, String> headers, String body) {

        static Reply rateLimited(int retryAfterSeconds) {
            return new Reply(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                    "{\"ok\":false,\"error\":\"ratelimited\"}");
        }

        static Reply error(String error) {
            return new Reply(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
        }

        static Reply status(int status) {
            return new Reply(status, Map.of(), "{\"ok\":false,\"error\":\"server_error\"}");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Reply>> scripted = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> channels = new HashMap<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000_000L);

    FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::method);
        server.createContext("/hooks/", this::responseUrl);
        server.start();
    }

    /** What the SDK's methods endpoint prefix is set to. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    /** The next calls of {@code method} get these replies, in order, before it answers normally again. */
    synchronized void script(String method, Reply... replies) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    /** A message a person wrote, as Slack would keep it; returns its ts. */
    synchronized String userWrote(String channel, String threadTs, String user, String text) {
        String ts = nextTs();
        store(channel, message(ts, threadTs, user, null, text));
        return ts;
    }

    synchronized String botWrote(String channel, String threadTs, String botId, String text) {
        String ts = nextTs();
        store(channel, message(ts, threadTs, "UOTHERBOT", botId, text));
        return ts;
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits, polling, until {@code method} was called {@code count} times; fails after ten seconds. */
    List<Call> await(String method, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> seen = calls(method);
            if (seen.size() >= count) {
                return seen;
            }
            pause(10);
        }
        throw new AssertionError("expected " + count + " call(s) of " + method + ", got " + calls(method).size()
                + "; all calls: " + calls().stream().map(Call::method).toList());
    }

    /** Lets work that should not happen have its chance to show, for assertions that something stayed away. */
    void quietly(Duration time) {
        pause(time.toMillis());
    }

    private void method(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
        Reply reply;
        synchronized (this) {
            calls.add(new Call(method, params, null, exchange.getRequestHeaders().getFirst("Authorization"),
                    System.currentTimeMillis()));
            Deque<Reply> queue = scripted.get(method);
            reply = queue != null && !queue.isEmpty() ? queue.poll() : answer(method, params);
        }
        send(exchange, reply);
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Reply reply;
        synchronized (this) {
            calls.add(new Call("response_url", Map.of("path", exchange.getRequestURI().getPath()), body, null,
                    System.currentTimeMillis()));
            Deque<Reply> queue = scripted.get("response_url");
            reply = queue != null && !queue.isEmpty() ? queue.poll() : new Reply(200, Map.of(), "ok");
        }
        send(exchange, reply);
    }

    private Reply answer(String method, Map<String, String> params) {
        if (!("Bearer " + TOKEN).equals(currentAuthorization())) {
            return Reply.error("invalid_auth");
        }
        Object body = switch (method) {
            case "auth.test" -> Map.of("ok", true, "user_id", BOT_USER, "bot_id", BOT_ID, "team_id", "T1",
                    "user", "article-bot");
            case "chat.postMessage" -> {
                String ts = nextTs();
                Map<String, Object> message = message(ts, params.get("thread_ts"), BOT_USER, BOT_ID,
                        params.get("text"));
                store(params.get("channel"), message);
                yield Map.of("ok", true, "channel", params.get("channel"), "ts", ts, "message", message);
            }
            case "conversations.replies" -> Map.of("ok", true, "has_more", false,
                    "messages", thread(params.get("channel"), params.get("ts")));
            case "reactions.add", "reactions.remove" -> Map.of("ok", true);
            default -> Map.of("ok", false, "error", "unknown_method");
        };
        try {
            return new Reply(200, Map.of(), JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String currentAuthorization() {
        return calls.get(calls.size() - 1).authorization();
    }

    private List<Map<String, Object>> thread(String channel, String threadTs) {
        return channels.getOrDefault(channel, List.of()).stream()
                .filter(m -> threadTs.equals(m.get("ts")) || threadTs.equals(m.get("thread_ts")))
                .sorted(Comparator.comparing(m -> new BigDecimal((String) m.get("ts"))))
                .toList();
    }

    private void store(String channel, Map<String, Object> message) {
        channels.computeIfAbsent(channel, c -> new ArrayList<>()).add(message);
    }

    private static Map<String, Object> message(String ts, String threadTs, String user, String botId, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("user", user);
        if (botId != null) {
            message.put("bot_id", botId);
        }
        message.put("text", text);
        message.put("ts", ts);
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        return message;
    }

    private String nextTs() {
        long micros = clock.addAndGet(1000);
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                reply.body().startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                fields.put(URLDecoder.decode(kv[0], UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], UTF_8) : "");
            }
        }
        return fields;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
