package dev.articlechat.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.articlechat.slack.SlackSettings;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.server.AbstractConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies Jetty cannot read to their end, on every route that reads one: each is a JSON 4xx (400, or 408 for a body
 * that stops arriving), never a 500, and the server answers the next request as before.
 */
class TruncatedBodyTest {

    private static final String SECRET = "truncated-signing-secret";
    private static final List<String> POST_ROUTES = List.of("/api/ask", "/api/ask/stream", "/v1/chat/completions",
            "/slack/events", "/slack/commands");

    private static Javalin app;

    @BeforeAll
    static void start() {
        app = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()
                .withSlack(new SlackSettings(SECRET, null, SlackSettings.EPHEMERAL, "http://127.0.0.1:9/api/", null)))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static Stream<TruncatedBody> truncatedBodies() {
        return POST_ROUTES.stream().flatMap(route -> TruncatedBody.all().stream().map(body -> body.to(route)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncatedBodies")
    void is_a_json_400_when_the_client_half_closes_before_the_body_is_whole(TruncatedBody body) throws Exception {
        RawHttp.Reply reply = RawHttp.send(app.port(), body.request(signedHeaders(body.sent())), true, 10_000);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.head()).containsIgnoringCase("Content-Type: application/json");
        JsonErrors.assertError(body.route(), 400, reply.body());
        assertThat(healthy()).isTrue();
    }

    @Test
    void is_a_json_408_when_the_body_stops_arriving() throws Exception {
        AbstractConnector connector = (AbstractConnector) app.jettyServer().server().getConnectors()[0];
        long idle = connector.getIdleTimeout();
        connector.setIdleTimeout(1_000);
        try {
            for (String route : List.of("/api/ask", "/v1/chat/completions")) {
                byte[] stalled = ("POST " + route + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"question\": \"Who").getBytes(ISO_8859_1);

                RawHttp.Reply reply = RawHttp.send(app.port(), stalled, false, 10_000);

                assertThat(reply.status()).as(reply.text()).isEqualTo(408);
                JsonErrors.assertError(route, 408, reply.body());
            }
        } finally {
            connector.setIdleTimeout(idle);
        }
        assertThat(healthy()).isTrue();
    }

    /** Slack's routes check the signature first; a signature of the part sent gets the body read to its end. */
    private static String signedHeaders(String sent) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        return "X-Slack-Request-Timestamp: " + timestamp + "\r\nX-Slack-Signature: "
                + new SlackSignature.Generator(SECRET).generate(timestamp, sent) + "\r\n";
    }

    private static boolean healthy() throws Exception {
        RawHttp.Reply health = RawHttp.send(app.port(),
                "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(ISO_8859_1), false, 5_000);
        return health.status() == 200;
    }
}
