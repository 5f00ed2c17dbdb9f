package dev.articlechat.eval;

import java.util.List;

/**
 * One SQuAD title served as an article: its first paragraphs, and the questions asked about them.
 *
 * @param title      as the file spells it ("Southern_California")
 * @param paragraphs the paragraphs' text, in order
 */
public record SquadArticle(String title, List<String> paragraphs, List<SquadQuestion> questions) {

    public SquadArticle {
        paragraphs = List.copyOf(paragraphs);
        questions = List.copyOf(questions);
    }

    /** The title as a headline: "Southern California". */
    public String heading() {
        return title.replace('_', ' ');
    }

    /** As our plain-text articles are written: the title on the first line, then paragraphs between blank lines. */
    public String text() {
        return heading() + "\n\n" + String.join("\n\n", paragraphs) + "\n";
    }
}
