package dev.articlechat.http;

import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * What Jetty throws from a read of the request's body when the body itself is at fault, as a client error: a
 * chunk size that is not hex, a chunk cut short, a {@code Content-Length} longer than what arrived before the client
 * half-closed (Jetty's {@link HttpException}s and {@link EofException}), or a body that stopped arriving until the
 * idle timeout ({@link TimeoutException}). None of them is the server's failure, so none may be a 500.
 */
final class UnreadableBody {

    static final int BAD_REQUEST = 400;
    static final int REQUEST_TIMEOUT = 408;

    private UnreadableBody() {
    }

    /** The status for {@code failure} when it is an unreadable body, or 0 when it is something else. */
    static int status(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof TimeoutException) {
                return REQUEST_TIMEOUT;
            }
            if (e instanceof HttpException http) {
                int code = http.getCode();
                return code >= 400 && code < 500 ? code : BAD_REQUEST;
            }
            if (e instanceof EofException) {
                return BAD_REQUEST;
            }
        }
        return 0;
    }

    static String message(int status) {
        return status == REQUEST_TIMEOUT
                ? "The request body stopped arriving before it was complete."
                : "The request body could not be read: it was malformed or ended early.";
    }
}
