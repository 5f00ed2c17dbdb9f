package dev.articlechat.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an article arrives as: plain text (the title on its first line) or a web page. Either is read into the raw
 * form {@link ArticleParser} takes.
 */
public enum ArticleFormat {

    TEXT("text/plain", ".txt"),
    HTML("text/html", ".html", ".htm");

    private static final HtmlArticleReader PAGES = new HtmlArticleReader();

    private final String mediaType;
    private final List<String> extensions;

    ArticleFormat(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    /** A file's format by its name: {@code .html} and {@code .htm} (in any case) are pages, anything else text. */
    public static ArticleFormat of(Path file) {
        return HTML.names(file) ? HTML : TEXT;
    }

    /** The format of a body of this media type ({@code text/html; charset=utf-8}), if articles come in it. */
    public static Optional<ArticleFormat> ofMediaType(String mediaType) {
        String essence = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(format -> format.mediaType.equals(essence)).findFirst();
    }

    /**
     * The article files directly in {@code dir} (not in its subdirectories), by file name, so that a directory
     * gives the same ids and passage order on every machine.
     */
    public static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(values()).anyMatch(format -> format.names(file)))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        }
    }

    /** The raw article in {@code content}, a body of this format. */
    public String read(String content) {
        return switch (this) {
            case TEXT -> content;
            case HTML -> PAGES.read(content);
        };
    }

    /** The raw article in {@code file}, read as UTF-8, or a page in the character set it declares. */
    public String read(Path file) throws IOException {
        return switch (this) {
            case TEXT -> Files.readString(file, StandardCharsets.UTF_8);
            case HTML -> PAGES.read(file);
        };
    }

    private boolean names(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(name::endsWith);
    }
}
