package dev.articlechat.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;

/**
 * Reads a request body as one JSON value and nothing after it, each key once: anything else is a malformed
 * request, not a guess. Built once per route, since configuring a mapper costs more than a request.
 */
final class StrictJson {

    private final ObjectMapper json;

    StrictJson(ObjectMapper mapper) {
        this.json = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The body's JSON; a 400 if it is not JSON. May be null for an empty body. */
    JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("The body is not valid JSON.");
        }
    }
}
