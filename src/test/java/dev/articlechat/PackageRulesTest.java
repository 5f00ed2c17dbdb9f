package dev.articlechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md, "Packages and what each may import", read from the imports of the main
 * sources: dependencies point inward, and only the stages that index and search know Lucene.
 */
class PackageRulesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/articlechat");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Set<String> STAGES = Set.of("ingest", "retrieve", "model", "answer", "reindex", "metrics",
            "eval");
    private static final Set<String> ADAPTERS = Set.of("http", "slack", "cli");

    record Import(Path file, String packageName, String imported) {
        @Override
        public String toString() {
            return file + " imports " + imported;
        }
    }

    @Test
    void only_ingest_and_retrieve_import_lucene() throws IOException {
        assertThat(imports().stream()
                .filter(i -> i.imported().startsWith("org.apache.lucene."))
                .filter(i -> !Set.of("ingest", "retrieve").contains(i.packageName())))
                .isEmpty();
    }

    @Test
    void the_http_and_slack_adapters_import_neither_lucene_nor_a_model_sdk() throws IOException {
        assertThat(imports().stream()
                .filter(i -> Set.of("http", "slack").contains(i.packageName()))
                .filter(i -> i.imported().startsWith("org.apache.lucene.") || i.imported().startsWith("dev.langchain4j.")
                        || i.imported().startsWith("de.kherud.")))
                .isEmpty();
    }

    @Test
    void the_stages_import_no_adapter_and_not_the_composition_root() throws IOException {
        assertThat(imports().stream()
                .filter(i -> STAGES.contains(i.packageName()))
                .filter(i -> ours(i.imported()) && (ADAPTERS.contains(packageOf(i.imported()))
                        || packageOf(i.imported()).isEmpty())))
                .isEmpty();
    }

    @Test
    void ingest_and_model_import_no_other_package_of_ours() throws IOException {
        assertThat(imports().stream()
                .filter(i -> Set.of("ingest", "model").contains(i.packageName()))
                .filter(i -> ours(i.imported()) && !packageOf(i.imported()).equals(i.packageName())))
                .isEmpty();
    }

    /**
     * The rooms of {@code answer} show a question's trip: the checks ({@code answer.check}) read only the article
     * and its words, never how an answer is written or rewritten, so that a check is the same whoever wrote the
     * sentence (the writers may share the checks' analysis of words: names, people, kinds of answer).
     */
    @Test
    void the_checks_read_only_the_article_and_its_words() throws IOException {
        assertThat(imports().stream()
                .filter(i -> i.file().toString().contains("/answer/check/"))
                .filter(i -> i.imported().startsWith("dev.articlechat.answer.")
                        && !i.imported().startsWith("dev.articlechat.answer.check.")))
                .isEmpty();
    }

    private static boolean ours(String imported) {
        return imported.startsWith("dev.articlechat.");
    }

    /** {@code dev.articlechat.answer.Answer} is in {@code answer}; {@code dev.articlechat.Settings} in the root (""). */
    private static String packageOf(String imported) {
        String rest = imported.substring("dev.articlechat.".length());
        int dot = rest.indexOf('.');
        return dot < 0 || Character.isUpperCase(rest.charAt(0)) ? "" : rest.substring(0, dot);
    }

    private static List<Import> imports() throws IOException {
        List<Import> imports = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                String packageName = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    imports.add(new Import(file, packageName, m.group(1)));
                }
            }
        }
        assertThat(imports).as("imports read from " + SOURCES).hasSizeGreaterThan(100);
        return imports;
    }
}
