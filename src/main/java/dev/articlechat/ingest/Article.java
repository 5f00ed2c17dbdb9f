package dev.articlechat.ingest;

import java.util.List;

/**
 * A cleaned article: its title, its body text with web-page leftovers removed, and its sentence passages.
 * Passage offsets point into {@link #text()}.
 */
public record Article(String id, String title, String text, List<Passage> passages) {

    public Article {
        passages = List.copyOf(passages);
    }
}
