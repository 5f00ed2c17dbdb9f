package dev.articlechat.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index directory as a series of generations, {@code generation-1}, {@code generation-2}, ...: every build
 * writes a fresh one, so a build never touches the index being served, and a crashed or failed build leaves
 * only a directory without a commit. The index to serve is the newest generation with a complete commit (a
 * Lucene commit is atomic, and the corpus fingerprint is in its user data), so no pointer file can disagree
 * with what is on disk.
 */
public final class IndexGenerations {

    static final String PREFIX = "generation-";

    private static final Logger log = LoggerFactory.getLogger(IndexGenerations.class);

    private final Path root;
    /** The highest number ever handed out here, so a deleted directory's number is never reused while served. */
    private final AtomicLong highest = new AtomicLong();

    public IndexGenerations(Path root) {
        this.root = root;
    }

    /** The newest generation holding a complete index, if any. */
    public Optional<Path> newestComplete() {
        return generations().stream()
                .sorted(Comparator.comparingLong(IndexGenerations::number).reversed())
                .filter(dir -> PassageIndexer.fingerprintOf(dir).isPresent())
                .findFirst();
    }

    /**
     * The newest complete generation when it was built from this corpus, else a new generation built from it:
     * what {@code serve} opens.
     */
    public Path ensure(PassageIndexer indexer, Corpus corpus) throws IOException {
        Optional<Path> newest = newestComplete();
        if (newest.isPresent() && indexer.holds(corpus, newest.get())) {
            log.info("Index in {} is up to date ({} articles, {} passages)", newest.get(), corpus.articles().size(),
                    corpus.passages().size());
            return newest.get();
        }
        log.info(newest.isPresent() ? "Index in {} was built from other text; building a new generation"
                : "No index in {}; building", newest.map(Path::toString).orElse(root.toString()));
        return build(indexer, corpus);
    }

    /**
     * Builds the corpus into a new generation, starting from the newest complete one: its files are linked, not
     * copied (Lucene never changes a file it wrote), and only the articles that differ are indexed. A build that
     * fails leaves nothing behind.
     */
    public Path build(PassageIndexer indexer, Corpus corpus) throws IOException {
        Optional<Path> base = newestComplete();
        if (base.isPresent()) {
            Path dir = next();
            try {
                linkIndexFiles(base.get(), dir);
                indexer.update(corpus, dir);
                return dir;
            } catch (IOException | RuntimeException e) {
                // a generation damaged on disk (files deleted or overwritten) is no base: every article is read again
                delete(dir);
                log.warn("Could not update the index in {} ({}); building it from the articles", base.get(),
                        e.getMessage());
            }
        }
        Path dir = next();
        try {
            indexer.build(corpus, dir);
            return dir;
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /** Hard links to each of the generation's files, or copies where the file system has no hard links. */
    private static void linkIndexFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path link = to.resolve(file.getFileName());
                if (file.getFileName().toString().equals("write.lock")) {
                    continue;
                }
                try {
                    Files.createLink(link, file);
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    Files.copy(file, link);
                }
            }
        }
    }

    /** Deletes every generation but {@code keep}, and index files an older version left in the root itself. */
    public void deleteAllBut(Path keep) {
        for (Path dir : generations()) {
            if (!dir.equals(keep)) {
                delete(dir);
            }
        }
        if (Files.isDirectory(root)) {
            try (Directory legacy = FSDirectory.open(root)) {
                PassageIndexer.deleteIndexFiles(legacy);
            } catch (IOException e) {
                log.warn("Could not remove the old index files in {}: {}", root, e.getMessage());
            }
        }
    }

    /** Deletes one generation's directory; a failure is logged, since the index served is not affected. */
    public void delete(Path generation) {
        try (Stream<Path> files = Files.walk(generation)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete the index generation {}: {}", generation, e.getMessage());
        }
    }

    /** A new, empty generation directory numbered above every one on disk or handed out before. */
    Path next() throws IOException {
        Files.createDirectories(root);
        while (true) {
            long onDisk = generations().stream().mapToLong(IndexGenerations::number).max().orElse(0);
            long number = highest.updateAndGet(h -> Math.max(h, onDisk) + 1);
            try {
                return Files.createDirectory(root.resolve(PREFIX + number));
            } catch (FileAlreadyExistsException e) {
                // another process took it; try the next number
            }
        }
    }

    private List<Path> generations() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).filter(dir -> parse(dir).isPresent()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the index directory " + root, e);
        }
    }

    private static long number(Path generation) {
        return parse(generation).orElseThrow();
    }

    private static OptionalLong parse(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(name.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
