package dev.articlechat.answer;

import dev.articlechat.ingest.WordList;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a question is in English. The checks compare an answer with its sources as English words, so an
 * answer in another language could never pass them; a reader asking in Spanish is told so plainly, rather than
 * told that the article does not say. Decided by function words, as the commonest words of a language are
 * what tells it apart: two or more of another language's and fewer of English's.
 */
final class QuestionLanguage {

    /** What a reader asking in another language is told (in English, the language of the answers). */
    static final String ENGLISH_ONLY = "I can only answer questions in English. Please ask again in English.";

    private static final Set<String> ENGLISH = WordList.load(QuestionLanguage.class, "english-words.txt");
    private static final Set<String> OTHER = WordList.load(QuestionLanguage.class, "other-language-words.txt");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private QuestionLanguage() {
    }

    static boolean isEnglish(String question) {
        int english = 0;
        int other = 0;
        Matcher word = WORD.matcher(question.toLowerCase(Locale.ROOT));
        while (word.find()) {
            english += ENGLISH.contains(word.group()) ? 1 : 0;
            other += OTHER.contains(word.group()) ? 1 : 0;
        }
        return other < 2 || english >= other;
    }

}
