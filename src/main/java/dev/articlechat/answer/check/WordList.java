package dev.articlechat.answer.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A word list shipped beside the checks, one word a line, {@code #} starting a comment, as Lucene's
 * {@code WordlistLoader} reads its stop words: what the checks know of English is data, not code.
 */
final class WordList {

    private WordList() {
    }

    static Set<String> load(String resource) {
        return Set.copyOf(loadLines(resource));
    }

    /** The list's lines in order, comments and blank lines left out. */
    static java.util.List<String> loadLines(String resource) {
        java.util.List<String> words = new java.util.ArrayList<>();
        try (InputStream in = WordList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String word = line.replaceAll("#.*", "").strip();
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
        return words;
    }
}
