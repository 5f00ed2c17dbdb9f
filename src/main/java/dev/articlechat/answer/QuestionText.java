package dev.articlechat.answer;

/**
 * The one place that decides whether a text is a question, for every adapter (HTTP, OpenAI, Slack, the command
 * line). A question must hold something a reader can see: a letter, a digit, a punctuation mark or a symbol.
 * Text made only of spaces of any kind (no-break, ideographic), format characters (zero-width spaces, the BOM,
 * word joiners, soft hyphens), combining marks with nothing to combine with, private-use characters, unpaired
 * surrogates or the replacement character is not one: the embedding model's tokenizer drops all of them and
 * would be left with nothing to embed. Any other Unicode is accepted as written.
 */
public final class QuestionText {

    public static final int MAX_CHARS = 2000;

    private static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private QuestionText() {
    }

    /**
     * The question as it will be answered: control characters become spaces, unpaired surrogates are dropped, and
     * invisible characters at either end are trimmed.
     *
     * @throws NotAQuestionException when nothing visible is left, or more than {@value #MAX_CHARS} characters
     */
    public static String of(String raw) {
        String question = cleaned(raw);
        if (!hasVisibleText(question)) {
            throw new NotAQuestionException(raw == null || raw.isBlank()
                    ? "The question is empty."
                    : "The question has no visible characters; ask it in words.");
        }
        if (question.length() > MAX_CHARS) {
            throw new NotAQuestionException("The question is longer than " + MAX_CHARS + " characters.");
        }
        return question;
    }

    /** An earlier turn's content, cleaned as a question is; empty when nothing in it is visible. */
    public static String turn(String raw) {
        String content = cleaned(raw);
        return hasVisibleText(content) ? content : "";
    }

    /** Whether anything in {@code text} is a letter, digit, punctuation mark or symbol. */
    public static boolean hasVisibleText(String text) {
        return text != null && text.codePoints().anyMatch(QuestionText::visible);
    }

    private static boolean visible(int codePoint) {
        if (codePoint == REPLACEMENT_CHARACTER) {
            return false; // what a decoder put where it could not read the bytes; the tokenizer drops it too
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * Control characters carry no meaning in a question and become spaces (newlines and tabs stay); an unpaired
     * surrogate is not text at all, cannot be written as UTF-8, and is dropped.
     */
    private static String cleaned(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                text.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                continue;
            } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                text.append(' ');
            } else {
                text.append(c);
            }
        }
        return trimmed(text);
    }

    /** Trims whitespace, spaces of every kind and format characters, which {@link String#strip()} leaves. */
    private static String trimmed(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && invisibleAtEdge(text.charAt(start))) {
            start++;
        }
        while (end > start && invisibleAtEdge(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(start, end).toString();
    }

    private static boolean invisibleAtEdge(char c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT;
    }
}
