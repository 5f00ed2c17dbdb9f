package dev.articlechat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests as Slack sends them: signed with the SDK's own signature generator (not the code under test), with
 * Slack's headers, and the payloads of the Events API.
 */
final class SlackRequests {

    static final String SECRET = "test-signing-secret";
    /** Retries in milliseconds, so that tests of the retry paths stay fast; Retry-After is still honoured. */
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofSeconds(5));

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackRequests() {
    }

    static SlackSettings settings(FakeSlack slack, String commandResponse) {
        return new SlackSettings(SECRET, FakeSlack.TOKEN, commandResponse, slack.apiUrl(), FAST_RETRIES);
    }

    static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }

    static String signature(String timestamp, String body) {
        return new SlackSignature.Generator(SECRET).generate(timestamp, body);
    }

    static Response post(HttpClient client, String path, String contentType, String body, Map<String, String> headers) {
        return client.request(path, request -> {
            request.post(BodyPublishers.ofString(body)).header("Content-Type", contentType);
            headers.forEach(request::header);
        });
    }

    /** A correctly signed delivery, with any extra headers (a retry's, say). */
    static Response signed(HttpClient client, String path, String contentType, String body, String... extraHeaders) {
        String timestamp = now();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Slack-Request-Timestamp", timestamp);
        headers.put("X-Slack-Signature", signature(timestamp, body));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        return post(client, path, contentType, body, headers);
    }

    static Response event(HttpClient client, String json, String... extraHeaders) {
        return signed(client, "/slack/events", "application/json", json, extraHeaders);
    }

    static Response command(HttpClient client, String form) {
        return signed(client, "/slack/commands", "application/x-www-form-urlencoded", form);
    }

    /** An {@code app_mention} event callback; {@code threadTs} null for a mention that starts a thread. */
    static String mention(String eventId, String channel, String ts, String threadTs, String user, String text) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_mention");
        event.put("user", user);
        event.put("text", text);
        event.put("ts", ts);
        event.put("channel", channel);
        event.put("event_ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return callback(eventId, event);
    }

    static String callback(String eventId, Map<String, Object> event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("token", "verification-token-is-not-used");
        payload.put("team_id", "T1");
        payload.put("api_app_id", "A1");
        payload.put("event", event);
        payload.put("type", "event_callback");
        payload.put("event_id", eventId);
        payload.put("event_time", 1_700_000_000);
        try {
            return JSON.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
