package dev.articlechat.retrieve;

import java.util.Locale;

/** Which signals rank passages: kept selectable so their quality can be compared with {@code eval --mode}. */
public enum RetrievalMode {
    /** Lexical BM25 over English-stemmed sentence text. */
    BM25,
    /** Nearest neighbours of the question's MiniLM embedding. */
    VECTOR,
    /** Both lists fused with reciprocal rank fusion. */
    HYBRID;

    public static RetrievalMode parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
