package dev.articlechat.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns raw article text into an {@link Article}: the first line is the title, the rest the body.
 *
 * <p>Pages saved from the web end with leftovers that are not part of the story: a "Comments" heading,
 * the headline of another story, a relative date. The general rule that removes them: an article ends
 * with its last paragraph of prose, and prose is a line that ends a sentence (terminal punctuation,
 * possibly inside closing quotes) and has more than one word. Short non-prose lines inside the body
 * (a byline, a sub-heading) stay in the text but are not split into citable passages.
 */
public final class ArticleParser {

    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?…][\"'”’)\\]»]*$");
    /** One word that ends in a full stop ("Advertisement.") is a page element; two can be a sentence. */
    private static final int MIN_PROSE_WORDS = 2;

    private final SentenceSplitter splitter = new SentenceSplitter();

    /**
     * @param id  the article's id
     * @param raw the raw text, title on its first line
     */
    public Article parse(String id, String raw) {
        String normalized = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        int titleEnd = normalized.indexOf('\n');
        if (titleEnd < 0) {
            throw new IllegalArgumentException("article " + id + " has a title but no body");
        }
        String title = normalized.substring(0, titleEnd).strip();
        List<TextSpan> lines = lines(normalized.substring(titleEnd + 1).strip());
        String body = normalized.substring(titleEnd + 1).strip();
        int lastProse = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isProse(lines.get(i).of(body))) {
                lastProse = i;
            }
        }
        if (lastProse < 0) {
            throw new IllegalArgumentException("article " + id + " has no paragraph of prose");
        }
        String text = body.substring(0, lines.get(lastProse).end());
        List<Passage> passages = new ArrayList<>();
        for (TextSpan line : lines.subList(0, lastProse + 1)) {
            if (!isProse(line.of(text))) {
                continue;
            }
            for (TextSpan sentence : splitter.split(text, line.start(), line.end())) {
                int ordinal = passages.size();
                passages.add(Passage.inArticle(PassageIds.of(ordinal), id, ordinal, text, sentence.start(),
                        sentence.end()));
            }
        }
        return new Article(id, title, text, passages);
    }

    private static boolean isProse(String line) {
        return ENDS_SENTENCE.matcher(line).matches() && line.split("\\s+").length >= MIN_PROSE_WORDS;
    }

    /** Non-blank lines of {@code text}, as spans without their surrounding white space. */
    private static List<TextSpan> lines(String text) {
        List<TextSpan> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                lines.add(new TextSpan(s, e));
            }
            start = end + 1;
        }
        return lines;
    }
}
