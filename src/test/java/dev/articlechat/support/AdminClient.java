package dev.articlechat.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls a running server's routes with or without an admin token, and reads the JSON replies. */
public final class AdminClient {

    /** A reply: its status, raw body, and the body as JSON. */
    public record Reply(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String origin;
    private final String token;

    /** @param token sent as {@code Authorization: Bearer <token>}; null sends no header */
    public AdminClient(String origin, String token) {
        this.origin = origin;
        this.token = token;
    }

    public Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply ask(String question) {
        return send(request("/api/ask").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("question", question).toString())));
    }

    /** A question scoped to one article ({@code articleId}). */
    public Reply askAbout(String question, String articleId) {
        return send("POST", "/api/ask", "application/json", JSON.createObjectNode().put("question", question)
                .put("articleId", articleId).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Any request with a body of the given type (null for none). */
    public Reply send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(contentType == null ? request : request.header("Content-Type", contentType));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** Starts a re-index and waits for it to end; returns the job as {@code GET /admin/reindex} shows it then. */
    public JsonNode reindex() {
        Reply started = post("/admin/reindex");
        if (started.status() != 202) {
            throw new AssertionError("re-index not accepted: " + started.status() + " " + started.body());
        }
        long id = started.json().get("id").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = get("/admin/reindex").json();
            if (job.get("id").asLong() == id && !job.get("state").asText().equals("running")) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("re-index " + id + " did not end within a minute");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(60));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
