package dev.articlechat.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads Server-Sent Events the way a browser's parser does, from a POST over real HTTP. */
public final class EventStreamClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event: its name and its data, which is always JSON here. */
    public record Event(String name, String data) {

        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A whole response: status, content type, and, for an event stream, its events and comment lines. */
    public record Response(int status, String contentType, String body, List<Event> events, List<String> comments) {

        public List<String> names() {
            return events.stream().map(Event::name).toList();
        }

        public Event last() {
            return events.get(events.size() - 1);
        }

        /** The text of all {@code token} events, concatenated. */
        public String tokens() {
            StringBuilder text = new StringBuilder();
            events.stream().filter(e -> e.name().equals("token")).forEach(e -> text.append(e.json().path("text").asText()));
            return text.toString();
        }
    }

    private EventStreamClient() {
    }

    public static Response post(String url, String contentType, String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<Event> events = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            parse(response.body(), events, comments);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), events, comments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Response postJson(String url, String body) {
        return post(url, "application/json", body);
    }

    /**
     * Sends the request over a plain socket, reads until the first event named {@code event} and hangs up,
     * as a reader who closes the tab does.
     *
     * @return the lines read before hanging up
     */
    public static List<String> postAndHangUpAfter(String host, int port, String path, String body, String event) {
        return postAndHangUpOn(host, port, path, body, line -> line.equals("event: " + event),
                "a \"" + event + "\" event");
    }

    /** As {@link #postAndHangUpAfter}, but hangs up after the first line starting with {@code prefix}. */
    public static List<String> postAndHangUpAt(String host, int port, String path, String body, String prefix) {
        return postAndHangUpOn(host, port, path, body, line -> line.startsWith(prefix),
                "a line \"" + prefix + "\"");
    }

    private static List<String> postAndHangUpOn(
            String host, int port, String path, String body, Predicate<String> last, String awaited) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (last.test(line)) {
                    return lines;
                }
            }
            throw new IllegalStateException("the stream ended before " + awaited + ": " + lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parse(String body, List<Event> events, List<String> comments) {
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Event(name, data.toString()));
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1).strip());
            } else if (line.startsWith("event:")) {
                name = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring("data:".length()).strip());
            }
        }
    }
}
