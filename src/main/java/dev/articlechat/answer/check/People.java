package dev.articlechat.answer.check;

import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.Corpus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people an article names, found the way news prose introduces them: a title, then the name ("President
 * Xi Jinping", "Foreign Affairs Minister Anita Anand"). Later mentions use part of the name ("Xi", "Anand"),
 * so every part of a name leads back to the whole of it.
 */
public final class People {

    /** A title, then capitalised words; the name is group 1. */
    public static final Pattern TITLED_NAME = Pattern.compile("\\b(?:President|Minister|Premier|Chancellor|Secretary|"
            + "Senator|Governor|Mayor|Ambassador|Chairman|Chairwoman|Chair|Director|Spokesperson|Spokesman|"
            + "Spokeswoman|Chief|Executive|CEO|King|Queen|Prince|Princess|Pope|General|Judge|Justice|Leader|"
            + "Commissioner|Mr\\.|Mrs\\.|Ms\\.|Dr\\.|Prof\\.)\\s+((?:\\p{Lu}[\\p{L}’'\\-]+\\s*)+)");
    private static final Pattern WORD = Pattern.compile("\\p{Lu}[\\p{L}\\-]+");

    /** Part of a name ("Carney") to the whole of it ("Mark Carney"). */
    private final Map<String, String> byPart;

    private People(Map<String, String> byPart) {
        this.byPart = byPart;
    }

    public static People of(Corpus corpus) {
        Map<String, String> byPart = new LinkedHashMap<>();
        corpus.articles().stream().map(Article::text).forEach(text -> collect(text, byPart));
        return new People(byPart);
    }

    /** The people a text names, as {@link #of(Corpus)} finds them in articles. */
    public static People in(String text) {
        Map<String, String> byPart = new LinkedHashMap<>();
        collect(text, byPart);
        return new People(byPart);
    }

    private static void collect(String text, Map<String, String> byPart) {
        Matcher name = TITLED_NAME.matcher(text);
        while (name.find()) {
            String full = name.group(1).replaceAll("[’'][\\p{L}]*", "").strip();
            for (String part : full.split("\\s+")) {
                byPart.putIfAbsent(part.replaceAll("[’'].*$", ""), full);
            }
        }
    }

    /** The people {@code text} mentions, whole names, in the order it first mentions them. */
    public List<String> mentionedIn(String text) {
        List<String> people = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String person = byPart.get(word.group());
            if (person != null && !people.contains(person)) {
                people.add(person);
            }
        }
        return people;
    }
}
