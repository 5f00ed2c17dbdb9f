package dev.articlechat.support;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible model server on loopback that fails the ways real ones do, over a raw socket, since an
 * HTTP server library would not misbehave this badly: it dies in the middle of a stream, hangs before or after
 * its headers, or answers with garbage. Each request is read in full first, so the client is never the one
 * that is cut off while sending.
 */
public final class MisbehavingModelServer implements AutoCloseable {

    /** How the server fails. */
    public enum Fault {
        /** Headers and a few chunks of a stream, then the connection is reset: no finish reason, no [DONE]. */
        DIES_MID_STREAM,
        /** Accepts the connection, reads the request, and never answers. */
        HANGS_BEFORE_HEADERS,
        /** Headers and a chunk of a stream, then nothing more, the connection held open. */
        STALLS_MID_STREAM,
        /** 200 with a JSON content type and a body that is not JSON. */
        INVALID_JSON,
        /** 200 with an HTML page where an event stream belongs. */
        WRONG_CONTENT_TYPE,
        /** 502 with the HTML error page a proxy in front of the model would send. */
        HTML_ERROR_PAGE,
        /** A stream whose chunk breaks off inside its JSON, then [DONE]. */
        TRUNCATED_CHUNK
    }

    private static final String CHUNK = "data: {\"id\":\"chatcmpl-x\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"fake-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}\n\n";

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "misbehaving-model");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Fault fault = Fault.HANGS_BEFORE_HEADERS;

    private MisbehavingModelServer(ServerSocket server) {
        this.server = server;
        connections.execute(this::accept);
    }

    public static MisbehavingModelServer start() {
        try {
            return new MisbehavingModelServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    public void failWith(Fault fault) {
        this.fault = fault;
    }

    /** Chat-completion requests received so far: proof that the model, not something before it, failed. */
    public int requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try {
            readRequest(socket.getInputStream());
            requests.incrementAndGet();
            OutputStream out = socket.getOutputStream();
            switch (fault) {
                case DIES_MID_STREAM -> {
                    out.write(streamHeaders());
                    out.write(chunks("Carney ", "met ", "President "));
                    out.flush();
                    socket.setSoLinger(true, 0); // close with a reset, as a crashed process's kernel does
                    socket.close();
                }
                case HANGS_BEFORE_HEADERS -> holdOpen();
                case STALLS_MID_STREAM -> {
                    out.write(streamHeaders());
                    out.write(chunks("Carney "));
                    out.flush();
                    holdOpen();
                }
                case INVALID_JSON -> respond(out, "200 OK", "application/json", "{\"choices\": [{\"message\": {\"content\": ");
                case WRONG_CONTENT_TYPE -> respond(out, "200 OK", "text/html",
                        "<html><body>Welcome to nginx!</body></html>");
                case HTML_ERROR_PAGE -> respond(out, "502 Bad Gateway", "text/html",
                        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                                + "</center></body></html>");
                case TRUNCATED_CHUNK -> {
                    out.write(streamHeaders());
                    out.write(chunks("Carney "));
                    out.write("data: {\"id\":\"chatcmpl-x\",\"choices\":[{\"delta\":{\"content\":\"met Xi\n\n".getBytes(UTF_8));
                    out.write("data: [DONE]\n\n".getBytes(UTF_8));
                    out.flush();
                    socket.close();
                }
            }
        } catch (SocketException closed) {
            // the client gave up on us, or the test is over
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the head and the Content-Length body of one request. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new SocketException("closed before the request was complete");
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        in.readNBytes(length);
    }

    private static byte[] streamHeaders() {
        return ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Connection: close\r\n\r\n").getBytes(US_ASCII);
    }

    private static byte[] chunks(String... pieces) {
        StringBuilder events = new StringBuilder();
        for (String piece : pieces) {
            events.append(String.format(CHUNK, piece));
        }
        return events.toString().getBytes(UTF_8);
    }

    private static void respond(OutputStream out, String status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Keeps the connection open until the test closes the server. */
    private void holdOpen() throws InterruptedException {
        while (!server.isClosed()) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        connections.shutdownNow();
    }
}
