package dev.articlechat.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * logback's JSON encoder, one object a line, with every character that some reader takes for a line break
 * escaped as JSON allows ({@code \}{@code u2028}): logback escapes the C0 controls, but leaves NEL, the C1
 * controls, U+2028 and U+2029 as they are, and tools that split on them (Python's {@code splitlines}, many log
 * viewers) would cut the object in two. Outside its strings a JSON line is ASCII, so every such character is in a
 * string, where the escape means the same character.
 */
public final class LineSafeJsonEncoder extends JsonEncoder {

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = super.encode(event);
        String json = new String(line, StandardCharsets.UTF_8);
        // the line's own end, the last character, stays
        int end = json.endsWith("\n") ? json.length() - 1 : json.length();
        String body = json.substring(0, end);
        if (!LogText.needsEscaping(body)) {
            return line;
        }
        return (LogText.escape(body) + json.substring(end)).getBytes(StandardCharsets.UTF_8);
    }
}
