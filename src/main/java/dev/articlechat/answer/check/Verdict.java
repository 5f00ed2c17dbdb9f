package dev.articlechat.answer.check;

import dev.articlechat.ingest.Passage;
import java.util.List;

/**
 * The outcome for one written sentence: the sentences it cites, or why it is not shown and which check said so;
 * or the one article sentence shown in its place, when it only restated a yes-or-no question. A sentence is
 * unfounded when no article sentence is about it or it names what its sources do not: the model wrote from
 * outside the article.
 *
 * @param check the name of the check that decided, or null for a sentence every check passed
 */
public record Verdict(List<Passage> cited, String problem, boolean quotes, boolean unfounded, String check) {

    public Verdict {
        cited = List.copyOf(cited);
    }

    static Verdict supported(List<Passage> cited) {
        return new Verdict(cited, null, false, false, null);
    }

    static Verdict quoting(Passage source, String check) {
        return new Verdict(List.of(source), null, true, false, check);
    }

    static Verdict rejected(String check, String problem) {
        return new Verdict(List.of(), problem, false, false, check);
    }

    static Verdict unfounded(String check, String problem) {
        return new Verdict(List.of(), problem, false, true, check);
    }

    public boolean isSupported() {
        return problem == null;
    }

    /** The check that dropped the sentence, or null when it is shown (as written or as a quote). */
    public String droppedBy() {
        return isSupported() ? null : check;
    }
}
