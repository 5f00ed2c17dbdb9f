package dev.articlechat.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches a route: a request line or header it cannot parse, or
 * a URI it refuses (an encoded NUL or an ambiguous path segment). Jetty's own pages are HTML; these are the same
 * JSON error as every route's, and say no more than the status does. Jetty also answers 503 itself while a
 * graceful stop waits for the answers in flight (see {@link GracefulStop}).
 */
final class JsonJettyErrors extends ErrorHandler {

    private final ObjectMapper json;

    JsonJettyErrors(ObjectMapper json) {
        this.json = json;
    }

    /** Jetty writes no body for other methods (a PUT, or the {@code PRI} of an HTTP/2 preface); every error has one. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            // Jetty's answer to a request line without a version (HTTP/0.9) or with one it does not know: the client
            // sent a malformed request, which is a 4xx; a 5xx would page an operator for nothing the server did
            code = HttpStatus.BAD_REQUEST_400;
            response.setStatus(code);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // the path as sent: one that cannot be decoded (bytes that are not UTF-8) is why some of these errors come
        response.write(true, ByteBuffer.wrap(body(request.getHttpURI().getPath(), code)), callback);
    }

    /** Requests that could not even be parsed are answered from here, on the connection. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(null, status));
    }

    /** @param path the request's path, which decides the error's shape; null when the request was unreadable */
    private byte[] body(String path, int status) {
        try {
            // a 503 from Jetty itself comes while a graceful stop waits for the answers in flight
            String message = switch (status) {
                case HttpStatus.SERVICE_UNAVAILABLE_503 -> "The server is stopping; try again in a moment.";
                case HttpStatus.UPGRADE_REQUIRED_426 -> "The request could not be read: this server speaks HTTP/1.1.";
                default -> "The request could not be read: " + HttpStatus.getMessage(status) + ".";
            };
            return json.writeValueAsBytes(ErrorBody.of(path, status, message));
        } catch (JsonProcessingException e) {
            return ("{\"error\":\"The request could not be read.\",\"status\":" + status + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
