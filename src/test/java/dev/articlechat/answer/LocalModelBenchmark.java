package dev.articlechat.answer;

import dev.articlechat.eval.EvalQuestion;
import dev.articlechat.eval.Evaluator;
import dev.articlechat.ingest.ArticleLoader;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.ingest.PassageIndexer;
import dev.articlechat.model.LlamaCppChatModel;
import dev.articlechat.retrieve.HybridRetriever;
import dev.articlechat.retrieve.PassageSearcher;
import dev.articlechat.retrieve.QueryEmbedder;
import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievalMode;
import dev.articlechat.retrieve.RetrievedPassage;
import dev.articlechat.support.CollectingHandler;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the local model on the dev questions: load time, time to the first streamed token and to the
 * whole answer (retrieval included), and resident memory. Not a test: src/bench/local-model.sh runs it.
 *
 * <p>Usage: {@code LocalModelBenchmark MODEL.gguf QUESTIONS.jsonl}
 */
public final class LocalModelBenchmark {

    private LocalModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        List<EvalQuestion> questions = Evaluator.read(Path.of(args[1]));
        Corpus corpus = new ArticleLoader().load(List.of());
        Path indexDir = Files.createTempDirectory("bench-index");
        var embeddings = Embeddings.miniLm();
        new PassageIndexer(embeddings, Embeddings.MODEL_NAME).build(corpus, indexDir);
        try (PassageSearcher searcher = PassageSearcher.open(indexDir)) {
            HybridRetriever retriever = new HybridRetriever(searcher, new QueryEmbedder(embeddings), corpus.passages());
            long loadStarted = System.nanoTime();
            LlamaCppChatModel model = new LlamaCppChatModel(modelFile, LlamaCppChatModel.Options.defaults());
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            long[] firstToken = new long[questions.size()];
            long[] whole = new long[questions.size()];
            int tokens = 0;
            for (int i = 0; i < questions.size(); i++) {
                EvalQuestion q = questions.get(i);
                Question question = new Question(q.q(), q.history());
                long started = System.nanoTime();
                Retrieval retrieval = retriever.retrieve(
                        QuestionRewriters.byRule(corpus).rewrite(question).search(), RetrievalMode.HYBRID, 8, 0);
                List<RetrievedPassage> sources = retrieval.passages().subList(0,
                        Math.min(GroundedPrompt.MAX_PASSAGES, retrieval.passages().size()));
                ChatRequest request = ChatRequest.builder()
                        .messages(GroundedPrompt.messages(corpus.primary().title(), question, sources)).build();
                CollectingHandler stream = new CollectingHandler();
                model.chat(request, stream);
                ChatResponse response = stream.await(120);
                whole[i] = System.nanoTime() - started;
                firstToken[i] = (stream.firstPieceNanos() == 0 ? System.nanoTime() : stream.firstPieceNanos()) - started;
                tokens += response.tokenUsage().outputTokenCount();
            }
            Arrays.sort(firstToken);
            Arrays.sort(whole);
            System.out.printf("model %s: load %.2f s; %d questions; first token p50 %.2f s, p95 %.2f s; "
                            + "whole answer p50 %.2f s, p95 %.2f s; %.1f tokens per answer%n",
                    modelFile.getFileName(), loadSeconds, questions.size(), percentile(firstToken, 50),
                    percentile(firstToken, 95), percentile(whole, 50), percentile(whole, 95),
                    (double) tokens / questions.size());
            model.close();
        }
        System.exit(0); // llama.cpp's bindings leave a non-daemon thread behind (java-llama.cpp issue 116)
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e9;
    }
}
