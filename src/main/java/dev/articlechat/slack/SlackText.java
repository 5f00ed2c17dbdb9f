package dev.articlechat.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's message text to plain text and back. Slack escapes {@code &}, {@code <} and {@code >} as entities and
 * writes mentions and links in angle brackets ({@code <@U123>}, {@code <#C1|general>}, {@code <https://x|label>}).
 */
final class SlackText {

    private static final Pattern ANGLE_BRACKETS = Pattern.compile("<([^<>]*)>");
    private static final Pattern MARKERS = Pattern.compile("\\s*\\[\\d+]");

    private SlackText() {
    }

    /** A message to the bot as the question it asks: the bot's own mention removed, the rest readable. */
    static String question(String text, String botUserId) {
        if (text == null) {
            return "";
        }
        Matcher tag = ANGLE_BRACKETS.matcher(text);
        StringBuilder plain = new StringBuilder();
        while (tag.find()) {
            tag.appendReplacement(plain, Matcher.quoteReplacement(readable(tag.group(1), botUserId)));
        }
        tag.appendTail(plain);
        return unescape(plain.toString()).replaceAll("[\\p{Cc}\\s]+", " ").strip();
    }

    /** One of the bot's own answers as a turn of history: the words without the {@code [n]} source markers. */
    static String answerWithoutSources(String text) {
        return text == null ? "" : unescape(MARKERS.matcher(text).replaceAll("")).strip();
    }

    private static String readable(String tag, String botUserId) {
        String[] parts = tag.split("\\|", 2);
        String target = parts[0];
        String label = parts.length > 1 ? parts[1] : null;
        if (target.startsWith("@")) {
            boolean isBot = target.substring(1).equals(botUserId);
            return isBot ? "" : "@" + (label != null ? label : "someone");
        }
        if (target.startsWith("#")) {
            return "#" + (label != null ? label : "channel");
        }
        if (target.startsWith("!")) {
            return label != null ? label : "@" + target.substring(1).split("\\^", 2)[0];
        }
        return label != null ? label : target;
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
