package dev.articlechat.answer;

import dev.articlechat.ingest.Corpus;
import dev.articlechat.retrieve.HybridRetriever;
import java.io.Closeable;

/**
 * The corpus and everything answers derive from it, for one build of the index: the retriever over that
 * build, the rewriter that knows the corpus's people, the answerers that know its title and refusal. A
 * re-index never changes one of these; it makes a new one and {@link AnswerService#swap swaps} it in whole, so
 * a question is answered from one consistent corpus from its first step to its last.
 *
 * @param resources closed once the snapshot has been replaced and the last question using it is answered
 *                  (the index searcher); null when there is nothing to close
 */
public record AnswerSnapshot(Corpus corpus, HybridRetriever retriever, QuestionRewriter rewriter, Answerer answerer,
                             Answerer fallback, Closeable resources) {
}
