package dev.articlechat.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.OptionalLong;

/** Streams the file from Hugging Face, or from a server with the same URL layout (a mirror, or a test's). */
final class HuggingFaceDownload implements ModelDownload {

    static final URI HUGGING_FACE = URI.create("https://huggingface.co/");

    /** Short, so an offline machine moves on to the next source within seconds. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Until the response headers arrive; the body may then take as long as the line needs. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final PrintStream console;
    // Hugging Face answers a resolve URL with a redirect to its file CDN, on another host.
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    HuggingFaceDownload(URI base, PrintStream console) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.console = console;
    }

    @Override
    public String name() {
        return "Hugging Face";
    }

    @Override
    public InputStream open(ModelSource source, Scratch scratch) throws IOException {
        URI url = urlOf(source);
        console.println("Downloading " + url);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(RESPONSE_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while contacting " + url.getHost());
        } catch (IOException e) {
            throw new IOException("cannot reach " + url.getHost() + ": " + why(e), e);
        }
        InputStream body = response.body();
        if (response.statusCode() != 200) {
            body.close();
            throw new IOException("HTTP " + response.statusCode() + " from " + response.uri());
        }
        // An error page or another file shows in the declared length: no need to download it to find out.
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && length.getAsLong() != source.sizeBytes()) {
            body.close();
            throw new IOException("the server offers " + length.getAsLong() + " bytes, expected " + source.sizeBytes());
        }
        return body;
    }

    /** The JDK's HTTP client throws connection failures without a message; name the usual causes. */
    private static String why(IOException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (root instanceof UnresolvedAddressException) {
            return "the host name does not resolve";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The source's URL with its scheme and host replaced by the configured base. */
    URI urlOf(ModelSource source) {
        return base.resolve(source.huggingFaceUrl().getRawPath().replaceFirst("^/", ""));
    }
}
