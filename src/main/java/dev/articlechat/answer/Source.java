package dev.articlechat.answer;

import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievedPassage;
import java.util.List;

/** A passage an answer is being written from, as a streaming client is told before the answer starts. */
public record Source(String passageId, String articleId, int start, int end, String text) {

    /** The retrieved hits, without the neighbouring sentences added only as context. */
    static List<Source> of(Retrieval retrieval) {
        return retrieval.passages().stream()
                .filter(p -> !p.context())
                .map(RetrievedPassage::passage)
                .map(p -> new Source(p.id(), p.articleId(), p.start(), p.end(), p.text()))
                .toList();
    }
}
