package dev.articlechat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Prints results for machines (`--json`): indented, on stdout, so that logs on stderr never mix in; or writes them
 * to a file.
 */
final class PrettyJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PrettyJson() {
    }

    static void print(Object value) throws JsonProcessingException {
        System.out.println(JSON.writeValueAsString(value));
    }

    static void write(Path file, Object value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }
}
