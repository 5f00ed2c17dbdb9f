package dev.articlechat.logging;

/**
 * Makes text safe for a log line: a question, a history turn, a header or a file name is user text, and a line
 * break in it would start what reads as a line of the server's own (a forged {@code WARN ... Admin token
 * accepted}). Every character that ends a line somewhere (the C0 and C1 controls, NEL, U+2028, U+2029) and every
 * bidirectional control (which can make a line read as another) becomes a visible escape: {@code \n}, {@code \r},
 * {@code \t}, else {@code \}{@code uXXXX}. A backslash stays as it is, so paths and regexes read as they are; an
 * escape that was typed as text forges no line either.
 */
public final class LogText {

    private LogText() {
    }

    public static String escape(String text) {
        if (!needsEscaping(text)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (!unsafe(c)) {
                safe.appendCodePoint(c);
            } else {
                switch (c) {
                    case '\n' -> safe.append("\\n");
                    case '\r' -> safe.append("\\r");
                    case '\t' -> safe.append("\\t");
                    default -> safe.append(String.format("\\u%04X", c));
                }
            }
        });
        return safe.toString();
    }

    static boolean needsEscaping(String text) {
        return text != null && text.codePoints().anyMatch(LogText::unsafe);
    }

    /** Whether a character may break a line or reorder what a terminal shows of it. */
    static boolean unsafe(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> isBidiControl(c);
        };
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
