package dev.articlechat.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file in the layout of the SQuAD 2.0 dev set (Rajpurkar, Jia and Liang, 2018): titles, each with paragraphs,
 * each with questions that list their gold answers or are marked impossible. Read at run time from wherever the
 * file is; nothing of it is kept in the repository.
 */
public final class SquadSet {

    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Layout(List<Title> data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Title(String title, List<Paragraph> paragraphs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Paragraph(String context, List<Qa> qas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Qa(String id, String question, List<Gold> answers, @JsonProperty("is_impossible") boolean impossible) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Gold(String text) {
    }

    private final Path file;
    private final Map<String, Title> titles = new LinkedHashMap<>();

    private SquadSet(Path file, Layout layout) {
        this.file = file;
        if (layout.data() == null) {
            throw new IllegalArgumentException(file + " is not a SQuAD file: it has no \"data\" list of titles");
        }
        layout.data().forEach(title -> titles.put(title.title(), title));
    }

    public static SquadSet read(Path file) {
        try {
            return new SquadSet(file, JSON.readValue(file.toFile(), Layout.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SQuAD file " + file, e);
        }
    }

    /**
     * One article per title, of its first {@code paragraphs} paragraphs (all of them if it has fewer), with their
     * questions, in the order the titles are given.
     *
     * @throws IllegalArgumentException when the file has no such title
     */
    public List<SquadArticle> articles(List<String> wanted, int paragraphs) {
        if (paragraphs < 1) {
            throw new IllegalArgumentException("--paragraphs must be at least 1");
        }
        if (new HashSet<>(wanted).size() < wanted.size()) {
            throw new IllegalArgumentException("a title is given twice: " + wanted);
        }
        List<SquadArticle> articles = new ArrayList<>();
        for (String name : wanted) {
            Title title = titles.get(name);
            if (title == null) {
                throw new IllegalArgumentException("no title " + name + " in " + file
                        + " (titles are spelled as the file has them, with underscores)");
            }
            List<Paragraph> first = title.paragraphs().subList(0, Math.min(paragraphs, title.paragraphs().size()));
            List<String> contexts = new ArrayList<>();
            List<SquadQuestion> questions = new ArrayList<>();
            for (Paragraph paragraph : first) {
                contexts.add(paragraph.context());
                for (Qa qa : paragraph.qas()) {
                    List<String> golds = qa.answers() == null ? List.of()
                            : qa.answers().stream().map(Gold::text).distinct().toList();
                    questions.add(new SquadQuestion(qa.id(), qa.question(), golds, qa.impossible()));
                }
            }
            articles.add(new SquadArticle(name, contexts, questions));
        }
        return articles;
    }
}
