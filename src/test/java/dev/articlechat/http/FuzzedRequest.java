package dev.articlechat.http;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fuzzer's input read as an HTTP request that a client can send: an unknown method becomes POST, the path is
 * percent-encoded where it must be, header lines that are not valid headers, and the headers the client sets
 * itself, are dropped. Everything else reaches the server as fuzzed.
 */
record FuzzedRequest(String method, String path, Map<String, String> headers, String timestamp, String body, int cut) {

    /** The header that asks for the body to be cut short after its number of bytes (see {@link TruncatedBody}). */
    static final String CUT = "X-Cut";

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
    private static final Set<String> CLIENT_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "http2-settings", "via", "warning", "date");
    private static final SlashCommandPayloadParser FORMS = new SlashCommandPayloadParser();

    /** @param sink the loopback origin that stands in for Slack's hooks; a response URL elsewhere is not signed */
    static FuzzedRequest parse(String input, String sink) {
        int headEnd = input.indexOf("\n\n");
        String head = headEnd < 0 ? input : input.substring(0, headEnd);
        // "{sink}" in a body stands for the loopback Slack's address, whose port a seed cannot know
        String body = (headEnd < 0 ? "" : input.substring(headEnd + 2))
                .replace("{sink}", URLEncoder.encode(sink, StandardCharsets.UTF_8));
        String[] lines = head.split("\n", -1);
        String[] requestLine = lines[0].strip().split(" ", 2);
        String method = METHODS.contains(requestLine[0]) ? requestLine[0] : "POST";
        String path = requestLine.length > 1 ? encodePath(requestLine[1].strip()) : "/";
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = colon <= 0 ? "" : lines[i].substring(0, colon).strip();
            String value = colon <= 0 ? "" : lines[i].substring(colon + 1).strip();
            if (name.matches("[A-Za-z0-9-]{1,64}") && value.matches("[\\x20-\\x7e]*")
                    && !CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
            }
        }
        String timestamp = headers.getOrDefault(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, "now");
        if (timestamp.equals("now")) {
            timestamp = String.valueOf(System.currentTimeMillis() / 1000);
            headers.put(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp);
        }
        if ("sign".equals(headers.get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE)) && postsElsewhere(body, sink)) {
            // a signed command would make the server post its answer to this URL: keep the test offline
            headers.put(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, "v0=unsigned");
        }
        String cut = headers.remove(CUT);
        return new FuzzedRequest(method, path, headers, timestamp, body,
                cut != null && cut.matches("\\d{1,6}") ? Integer.parseInt(cut) : -1);
    }

    private static boolean postsElsewhere(String body, String sink) {
        try {
            String url = FORMS.parse(body).getResponseUrl();
            return url != null && !url.startsWith(sink + "/");
        } catch (RuntimeException notAForm) {
            return false;
        }
    }

    /** Characters a URI path may hold stay; everything else is sent percent-encoded, as a client would. */
    private static String encodePath(String raw) {
        StringBuilder path = new StringBuilder(raw.startsWith("/") ? "" : "/");
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~!$&'()*+,;=:@?".indexOf(c) >= 0)) {
                path.append(c);
            } else {
                path.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return path.toString();
    }
}
