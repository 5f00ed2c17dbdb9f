package dev.articlechat.ingest;

import java.util.List;
import java.util.Optional;

/**
 * A cleaned article: its title, its body text with web-page leftovers removed, and its sentence passages.
 * Passage offsets point into {@link #text()}.
 */
public record Article(String id, String title, String text, List<Passage> passages) {

    public Article {
        passages = List.copyOf(passages);
    }

    /** The passage with this id ("p3"), which is the article's third. */
    public Optional<Passage> passage(String passageId) {
        if (!passageId.matches("p[1-9]\\d{0,8}")) {
            return Optional.empty();
        }
        int ordinal = Integer.parseInt(passageId.substring(1)) - 1;
        return ordinal < passages.size() ? Optional.of(passages.get(ordinal)) : Optional.empty();
    }
}
