package dev.articlechat.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A word list shipped beside the class that uses it, one entry a line, {@code #} starting a comment line, as
 * Lucene's {@code WordlistLoader} reads its stop words: what the code knows of English is data, not code.
 */
public final class WordList {

    private WordList() {
    }

    /** The list's entries as a set. */
    public static Set<String> load(Class<?> owner, String resource) {
        return Set.copyOf(lines(owner, resource));
    }

    /** The list's lines in order, stripped, comments and blank lines left out. */
    public static List<String> lines(Class<?> owner, String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
        return lines;
    }
}
