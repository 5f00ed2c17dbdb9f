package dev.articlechat.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.ArrayList;
import java.util.List;

/**
 * A request whose body cannot be read to its end, as a broken or hostile client sends one: a {@code Content-Length}
 * longer than the bytes that follow, a chunk size that is not hex, a chunk shorter than its size, a chunked body
 * without its last chunk. Shared by the regression tests and the HTTP fuzzer, which cuts any body this way.
 *
 * @param route where it goes
 * @param how   which way it is broken, for the test's name
 * @param sent  the body's bytes that do arrive (Latin-1 text)
 * @param framing the headers and framing around {@code sent}, with {@code %s} where the body goes
 */
record TruncatedBody(String route, String how, String sent, String framing) {

    static final String BODY = "{\"question\": \"Who did Carney meet?\", \"messages\": [{\"role\": \"user\", "
            + "\"content\": \"Who?\"}]}";

    /** Every way of breaking a body, cutting {@link #BODY} at a few places. */
    static List<TruncatedBody> all() {
        List<TruncatedBody> bodies = new ArrayList<>();
        for (int cut : new int[] {0, 1, BODY.length() / 2, BODY.length() - 1}) {
            bodies.addAll(cutAt(BODY, cut));
        }
        bodies.add(new TruncatedBody("/", "a chunk size that is not hex", BODY,
                "Transfer-Encoding: chunked\r\n\r\nZZ\r\n%s\r\n0\r\n\r\n"));
        bodies.add(new TruncatedBody("/", "a chunk size with garbage after it", BODY,
                "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(BODY.length()) + "@@\r\n%s\r\n0\r\n\r\n"));
        bodies.add(new TruncatedBody("/", "a chunk size too large for any body", BODY,
                "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n%s\r\n0\r\n\r\n"));
        return bodies;
    }

    /** The ways of ending {@code body} early after {@code cut} bytes. */
    static List<TruncatedBody> cutAt(String body, int cut) {
        String sent = body.substring(0, cut);
        String size = Integer.toHexString(Math.max(1, body.length()));
        return List.of(
                new TruncatedBody("/", "Content-Length " + body.length() + " but " + cut + " bytes", sent,
                        "Content-Length: " + Math.max(1, body.length()) + "\r\n\r\n%s"),
                new TruncatedBody("/", "a chunk of " + body.length() + " cut after " + cut, sent,
                        "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n%s"),
                new TruncatedBody("/", "whole chunks of " + cut + " bytes but no last chunk", sent,
                        "Transfer-Encoding: chunked\r\n\r\n" + (cut == 0 ? "" : Integer.toHexString(cut) + "\r\n%s\r\n")));
    }

    TruncatedBody to(String path) {
        return new TruncatedBody(path, how, sent, framing);
    }

    /** The whole request, with {@code extraHeaders} (each line ending in CRLF) before the framing. */
    byte[] request(String extraHeaders) {
        String type = route.equals("/slack/commands") ? "application/x-www-form-urlencoded" : "application/json";
        String framed = framing.contains("%s") ? framing.replace("%s", sent) : framing;
        return ("POST " + route + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\n" + extraHeaders
                + framed).getBytes(ISO_8859_1);
    }

    @Override
    public String toString() {
        return route + ": " + how;
    }
}
