package dev.articlechat.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Bytes sent as they are, on a socket of their own, for requests no HTTP client would send. */
final class RawHttp {

    /** What came back, and how long after the request was sent the server closed the connection. */
    record Reply(String text, long millis) {

        String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        int status() {
            return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code request}, half-closes the connection when {@code halfClose} (the client has nothing more to
     * say), and reads until the server closes it or {@code timeoutMillis} pass.
     */
    static Reply send(int port, byte[] request, boolean halfClose, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            long started = System.nanoTime();
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    reply.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException stillOpen) {
                // the reply is what came before the timeout
            }
            return new Reply(reply.toString(StandardCharsets.UTF_8), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
