package dev.articlechat.slack;

/**
 * Text for Slack's mrkdwn fields. Slack reads {@code &}, {@code <} and {@code >} as its control characters
 * (entities, links, mentions), so a question or an article quote must never reach it unescaped: an article
 * sentence with "<!channel>" in it would otherwise notify a whole channel.
 */
final class Mrkdwn {

    private static final String ELLIPSIS = "…";

    private Mrkdwn() {
    }

    static String escape(String text) {
        return escapeWithin(text, Integer.MAX_VALUE);
    }

    /**
     * Escaped, and cut with an ellipsis so that the escaped text is at most {@code limit} characters. It is cut
     * between whole code points and whole entities, never inside {@code &amp;} or a surrogate pair.
     */
    static String escapeWithin(String text, int limit) {
        StringBuilder escaped = new StringBuilder(Math.min(text.length() + 16, 4096));
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            String piece = switch (codePoint) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> Character.toString(codePoint);
            };
            int next = i + Character.charCount(codePoint);
            int reserve = next < text.length() ? ELLIPSIS.length() : 0;
            if (escaped.length() + piece.length() + reserve > limit) {
                return escaped.append(ELLIPSIS).toString();
            }
            escaped.append(piece);
            i = next;
        }
        return escaped.toString();
    }
}
