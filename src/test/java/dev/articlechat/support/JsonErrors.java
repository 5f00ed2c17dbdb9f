package dev.articlechat.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one check of an error body, in the shape its route promises: {@code {"error": "...", "status": N}}, and on
 * {@code /v1/*} OpenAI's {@code {"error": {"message", "type", "param", "code"}}}.
 */
public final class JsonErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrors() {
    }

    /** Asserts {@code body} is the error of {@code status} in the shape of {@code path}, and returns its message. */
    public static String assertError(String path, int status, String body) {
        JsonNode error = read(body);
        assertThat(body).doesNotContain("Exception", "\tat ", "at dev.", "<html");
        if (path.startsWith("/v1/")) {
            JsonNode detail = error.path("error");
            assertThat(detail.isObject()).as(body).isTrue();
            assertThat(detail.fieldNames()).toIterable().as(body).containsExactly("message", "type", "param", "code");
            assertThat(detail.path("type").asText()).as(body).isEqualTo(status >= 500 ? "server_error"
                    : switch (status) {
                        case 401 -> "authentication_error";
                        case 403 -> "permission_error";
                        case 404 -> "not_found_error";
                        case 429 -> "rate_limit_error";
                        default -> "invalid_request_error";
                    });
            assertThat(detail.path("message").asText()).as(body).isNotBlank();
            return detail.path("message").asText();
        }
        assertThat(error.path("error").isTextual()).as(body).isTrue();
        assertThat(error.path("error").asText()).as(body).isNotBlank();
        assertThat(error.path("status").asInt()).as(body).isEqualTo(status);
        return error.path("error").asText();
    }

    /** The message of an error body of either shape. */
    public static String message(String body) {
        JsonNode error = read(body).path("error");
        return error.isObject() ? error.path("message").asText() : error.asText();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
