package dev.articlechat.answer;

import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievedPassage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers with a language model (any LangChain4j {@link ChatModel}: in-process llama.cpp, OpenAI-compatible,
 * Ollama, Anthropic) given the best retrieved passages. What the model writes is cleaned and every sentence
 * is checked against the passage it cites before it becomes a draft; anything else ends in an
 * {@link AnswererException}, on which the service falls back to the extractive answer.
 */
public final class ChatModelAnswerer implements Answerer {

    private final String name;
    private final ChatModel model;
    private final String title;
    private final Duration timeout;
    private final SupportChecker support = new SupportChecker();
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "model-call");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param name    shown as the answer's model, e.g. "local:SmolLM2-135M-Instruct.Q4_1.gguf"
     * @param title   the article's title, named in the prompt
     * @param timeout how long a model may take before the extractive answer is given instead
     */
    public ChatModelAnswerer(String name, ChatModel model, String title, Duration timeout) {
        this.name = name;
        this.model = model;
        this.title = title;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Draft draft(Question question, Retrieval retrieval) {
        List<RetrievedPassage> sources = sources(retrieval);
        ChatRequest request = ChatRequest.builder()
                .messages(GroundedPrompt.messages(title, question, sources))
                .build();
        String cleaned = ModelOutput.clean(call(request));
        if (cleaned.isEmpty()) {
            throw new AnswererException("empty", "the model's answer was empty");
        }
        if (ModelOutput.isRefusal(cleaned)) {
            // Small models also refuse questions the passages do answer; the extractive answerer, which
            // refuses on its own evidence, decides. Both refusing gives answered: false.
            throw new AnswererException("refused", "the model found no answer in the passages");
        }
        SupportChecker.Result checked = support.check(cleaned, question.text(), sources);
        return new Draft(checked.text().orElseThrow(() -> new AnswererException("unsupported", checked.problem())),
                true);
    }

    /**
     * The passages the model sees: the best hits, which lead the retrieval's list, so that marker [n] means
     * the n-th passage of the retrieval as well.
     */
    private static List<RetrievedPassage> sources(Retrieval retrieval) {
        List<RetrievedPassage> passages = retrieval.passages();
        int hits = (int) passages.stream().filter(p -> !p.context()).count();
        return passages.subList(0, Math.min(hits, GroundedPrompt.MAX_PASSAGES));
    }

    private String call(ChatRequest request) {
        Future<String> answer = calls.submit(() -> model.chat(request).aiMessage().text());
        try {
            String text = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return text == null ? "" : text;
        } catch (TimeoutException e) {
            answer.cancel(true); // interrupts generation, so no model time is spent on an answer nobody reads
            throw new AnswererException("timeout", "the model did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new AnswererException("model error", "the model failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new AnswererException("cancelled", "the answer was cancelled");
        }
    }
}
