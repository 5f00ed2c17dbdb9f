package dev.articlechat.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFormatTest {

    @TempDir
    Path dir;

    @Test
    void takes_html_and_htm_files_in_any_case_as_pages_and_any_other_file_as_text() {
        assertThat(ArticleFormat.of(Path.of("story.html"))).isEqualTo(ArticleFormat.HTML);
        assertThat(ArticleFormat.of(Path.of("saved/Story.HTM"))).isEqualTo(ArticleFormat.HTML);
        assertThat(ArticleFormat.of(Path.of("story.txt"))).isEqualTo(ArticleFormat.TEXT);
        assertThat(ArticleFormat.of(Path.of("story"))).isEqualTo(ArticleFormat.TEXT);
        assertThat(ArticleFormat.of(Path.of("html"))).isEqualTo(ArticleFormat.TEXT);
    }

    @Test
    void knows_the_media_types_articles_are_uploaded_in_and_no_others() {
        assertThat(ArticleFormat.ofMediaType("text/html; charset=UTF-8")).hasValue(ArticleFormat.HTML);
        assertThat(ArticleFormat.ofMediaType("TEXT/PLAIN")).hasValue(ArticleFormat.TEXT);
        assertThat(ArticleFormat.ofMediaType("application/json")).isEmpty();
        assertThat(ArticleFormat.ofMediaType(null)).isEmpty();
    }

    @Test
    void reads_a_text_body_as_it_is_and_an_html_body_as_its_title_and_paragraphs() {
        String text = "Headline\nThe story in one sentence.\n";

        assertThat(ArticleFormat.TEXT.read(text)).isEqualTo(text);
        assertThat(ArticleFormat.HTML.read("<h1>Headline</h1><nav><p>Home</p></nav><p>The story in one sentence.</p>"))
                .isEqualTo("Headline\n\nThe story in one sentence.\n");
    }

    @Test
    void reads_a_page_file_in_the_character_set_it_declares() throws IOException {
        Path page = dir.resolve("cafe.html");
        Files.writeString(page, "<meta charset=\"windows-1252\"><title>Café reopens</title>"
                + "<p>The café on the quay reopened on Friday.</p>", Charset.forName("windows-1252"));

        assertThat(ArticleFormat.HTML.read(page))
                .isEqualTo("Café reopens\n\nThe café on the quay reopened on Friday.\n");
    }

    @Test
    void lists_the_article_files_directly_in_a_directory_by_name() throws IOException {
        Files.writeString(dir.resolve("b-page.HTML"), "<h1>B</h1>");
        Files.writeString(dir.resolve("a-story.txt"), "A");
        Files.writeString(dir.resolve("c-page.htm"), "<h1>C</h1>");
        Files.writeString(dir.resolve("notes.md"), "not an article");
        Files.createDirectories(dir.resolve("older"));
        Files.writeString(dir.resolve("older/0-story.txt"), "not read: in a subdirectory");
        Files.createDirectories(dir.resolve("folder.txt"));

        assertThat(ArticleFormat.filesIn(dir)).extracting(file -> file.getFileName().toString())
                .containsExactly("a-story.txt", "b-page.HTML", "c-page.htm");
    }
}
