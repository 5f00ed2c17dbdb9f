package dev.articlechat.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The articles added while serving, one file each under {@code <data dir>/articles/}, named by the article's id
 * and kept in the form they came in ({@code <id>.txt}, {@code <id>.html}), so that a restart reads them as it
 * reads any article file. Every write goes to a temporary file first and is renamed into place: a crash leaves
 * the old article or the new one, never half of one.
 */
public final class ArticleStore {

    /** What an article id may be: it names a file and appears in URLs and model names. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** How a stored article was written. */
    public enum Format {
        TEXT(".txt"), HTML(".html");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    /** One stored article: its id and its file. */
    public record Stored(String id, Path file) {
    }

    private final Path directory;

    public ArticleStore(Path dataDir) {
        this.directory = dataDir.resolve("articles");
    }

    /** Every stored article, by id. */
    public List<Stored> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> idOf(file).map(id -> new Stored(id, file)))
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(Stored::id))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the stored articles in " + directory, e);
        }
    }

    public boolean contains(String id) {
        return list().stream().anyMatch(s -> s.id().equals(id));
    }

    /** Stores the article under its id, in place of any earlier one of that id. */
    public Path save(String id, Format format, String content) throws IOException {
        requireId(id);
        Files.createDirectories(directory);
        Path target = directory.resolve(id + format.extension);
        Path temporary = Files.createTempFile(directory, ".upload-", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        for (Format other : Format.values()) {
            if (other != format) {
                Files.deleteIfExists(directory.resolve(id + other.extension));
            }
        }
        return target;
    }

    /** Removes the stored article; false when there was none of that id. */
    public boolean delete(String id) throws IOException {
        requireId(id);
        boolean deleted = false;
        for (Format format : Format.values()) {
            deleted |= Files.deleteIfExists(directory.resolve(id + format.extension));
        }
        return deleted;
    }

    private static Optional<String> idOf(Path file) {
        String name = file.getFileName().toString();
        for (Format format : Format.values()) {
            if (name.toLowerCase(Locale.ROOT).endsWith(format.extension)) {
                String id = name.substring(0, name.length() - format.extension.length());
                return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void requireId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an article id is 1 to 64 lower-case letters, digits and hyphens: " + id);
        }
    }
}
