package dev.articlechat.answer.write;

/**
 * What an answerer writes before verification: text whose {@code [n]} markers refer to the n-th source
 * it was given (1-based), or a refusal.
 */
public record Draft(String text, boolean answered) {

    public static Draft refusal(String text) {
        return new Draft(text, false);
    }
}
