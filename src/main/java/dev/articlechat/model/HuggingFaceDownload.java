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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams the file from Hugging Face, or from a server with the same URL layout (a mirror, or a test's). An
 * earlier attempt that stopped part way is continued with an HTTP range request.
 */
final class HuggingFaceDownload implements ModelDownload {

    static final URI HUGGING_FACE = URI.create("https://huggingface.co/");

    /** Short, so an offline machine moves on to the next source within seconds. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Until the response headers arrive; the body may then take as long as the line needs. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

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
    public Opened open(ModelSource source, long keptBytes, DownloadDirectory directory, DownloadProgress progress)
            throws IOException {
        if (keptBytes == source.sizeBytes()) {
            // All there from an earlier run that stopped before checking it: nothing left to ask for.
            return new Opened(InputStream.nullInputStream(), keptBytes);
        }
        URI url = urlOf(source);
        if (keptBytes > 0) {
            console.printf("Continuing the download of %s at %.1f MB%n", url, keptBytes / DownloadProgress.MB);
            HttpResponse<InputStream> response = send(url, keptBytes);
            if (response.statusCode() == 206) {
                return new Opened(continuation(response, keptBytes, source.sizeBytes()), keptBytes);
            }
            response.body().close();
            if (response.statusCode() != 200 && response.statusCode() != 416) {
                throw new IOException("HTTP " + response.statusCode() + " from " + response.uri());
            }
            console.println("The server cannot continue it; starting again");
        } else {
            console.println("Downloading " + url);
        }
        HttpResponse<InputStream> response = send(url, 0);
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
        return new Opened(body, 0);
    }

    /** The body of a 206, once its Content-Range shows it is the rest of the same-sized file. */
    private static InputStream continuation(HttpResponse<InputStream> response, long from, long size)
            throws IOException {
        String range = response.headers().firstValue("Content-Range").orElse("");
        Matcher m = CONTENT_RANGE.matcher(range);
        // Anything but the rest of a file of the expected size would be asked for again and again: start afresh.
        if (!m.matches() || Long.parseLong(m.group(1)) != from || Long.parseLong(m.group(2)) != size - 1
                || Long.parseLong(m.group(3)) != size) {
            response.body().close();
            throw new CorruptDownloadException("asked for bytes " + from + "-" + (size - 1) + "/" + size
                    + ", got \"" + range + "\"");
        }
        return response.body();
    }

    private HttpResponse<InputStream> send(URI url, long from) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(RESPONSE_TIMEOUT).GET();
        if (from > 0) {
            request.header("Range", "bytes=" + from + "-");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while contacting " + url.getHost());
        } catch (IOException e) {
            throw new IOException("cannot reach " + url.getHost() + ": " + why(e), e);
        }
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
