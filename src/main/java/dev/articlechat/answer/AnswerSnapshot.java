package dev.articlechat.answer;

import dev.articlechat.answer.rewrite.QuestionRewriter;
import dev.articlechat.answer.write.Answerer;
import dev.articlechat.answer.write.ModelAnswerer;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.retrieve.HybridRetriever;
import java.io.Closeable;
import java.util.Optional;

/**
 * The corpus and everything answers derive from it, for one build of the index: the retriever over that
 * build, the rewriter that knows the corpus's people, the answerers that know its articles and refusal. A
 * re-index never changes one of these; it makes a new one and {@link AnswerService#swap swaps} it in whole, so
 * a question is answered from one consistent corpus from its first step to its last.
 *
 * @param model      the language model that writes answers; empty when answers are extractive
 * @param extractive writes answers from the article's own sentences: the answerer without a model, and the
 *                   answer when the model fails, is too slow, busy or still warming
 * @param resources  closed once the snapshot has been replaced and the last question using it is answered
 *                   (the index searcher); null when there is nothing to close
 */
public record AnswerSnapshot(Corpus corpus, HybridRetriever retriever, QuestionRewriter rewriter,
                             Optional<ModelAnswerer> model, Answerer extractive, Closeable resources) {

    /** Shown as the answers' model: the language model's name, or the extractive answerer's. */
    public String answererName() {
        return model.map(ModelAnswerer::name).orElse(extractive.name());
    }
}
