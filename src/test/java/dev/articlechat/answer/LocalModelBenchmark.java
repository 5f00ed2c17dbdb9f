package dev.articlechat.answer;

import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.eval.EvalQuestion;
import dev.articlechat.eval.Evaluator;
import dev.articlechat.model.ChatModelSettings;
import dev.articlechat.support.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Measures one answerer end to end through the real application, one question at a time: start to ready,
 * ready to a warm prompt cache, then for each question the first streamed token and the whole answer
 * (retrieval, writing, attribution and verification included). Not a test: src/bench/local-model.sh runs it
 * once per answerer and reports peak resident memory beside it.
 *
 * <p>Usage: {@code LocalModelBenchmark (MODEL.gguf | extractive) QUESTIONS.jsonl...}
 */
public final class LocalModelBenchmark {

    private LocalModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean extractive = args[0].equals("extractive");
        ChatModelSettings model = (extractive ? ChatModelSettings.extractive().withContextSize(4096)
                : ChatModelSettings.local(Path.of(args[0]), Path.of("models"))).withTimeout(Duration.ofSeconds(60));
        Settings settings = Settings.defaults(TestApp.temporaryIndexDir())
                .withChatModel(model);
        long started = System.nanoTime();
        try (ArticleChat chat = ArticleChat.open(settings)) {
            chat.answers().warmUp();
            double ready = seconds(System.nanoTime() - started);
            chat.answers().warmModel();
            double warm = seconds(System.nanoTime() - started);
            List<EvalQuestion> questions = new java.util.ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                questions.addAll(Evaluator.read(Path.of(args[i])));
            }
            long[] firstToken = new long[questions.size()];
            long[] whole = new long[questions.size()];
            int own = 0;
            for (int i = 0; i < questions.size(); i++) {
                EvalQuestion q = questions.get(i);
                long asked = System.nanoTime();
                long[] first = {0};
                Answer answer = chat.answers().ask(new Question(q.q(), q.history()), new AnswerListener() {
                    @Override
                    public void sources(String query, List<Source> sources) {
                    }

                    @Override
                    public void token(String text) {
                        if (first[0] == 0) {
                            first[0] = System.nanoTime();
                        }
                    }
                });
                whole[i] = System.nanoTime() - asked;
                firstToken[i] = (first[0] == 0 ? System.nanoTime() : first[0]) - asked;
                own += answer.fallback() == null ? 1 : 0;
            }
            Arrays.sort(firstToken);
            Arrays.sort(whole);
            System.out.printf("| %s | %.1f s | %.1f s | %.2f s | %.2f s | %.2f s | %.2f s | %d of %d |%n",
                    chat.answers().modelName(), ready, warm, percentile(firstToken, 50), percentile(firstToken, 95),
                    percentile(whole, 50), percentile(whole, 95), own, questions.size());
        }
        System.exit(0); // llama.cpp's bindings leave a non-daemon thread behind (java-llama.cpp issue 116)
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e9;
    }
}
