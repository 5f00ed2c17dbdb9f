package dev.articlechat.ingest;

import java.util.stream.IntStream;

/**
 * A passage's id from its position: "p1" for the first sentence. Every article has a first sentence, so the ids
 * of the first few hundred positions are made once and shared rather than made again for each of an archive's
 * hundreds of thousands of sentences.
 */
final class PassageIds {

    private static final String[] SHARED = IntStream.range(0, 512).mapToObj(PassageIds::made).toArray(String[]::new);

    private PassageIds() {
    }

    static String of(int ordinal) {
        return ordinal < SHARED.length ? SHARED[ordinal] : made(ordinal);
    }

    private static String made(int ordinal) {
        return "p" + (ordinal + 1);
    }
}
