package dev.articlechat.answer;

import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievedPassage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Answers with a language model (any LangChain4j {@link ChatModel}: in-process llama.cpp, OpenAI-compatible,
 * Ollama, Anthropic) given the best retrieved passages. What the model writes is cleaned and every sentence
 * is checked against the passage it cites before it becomes a draft; anything else ends in an
 * {@link AnswererException}, on which the service falls back to the extractive answer.
 */
public final class ChatModelAnswerer implements Answerer {

    private final String name;
    private final ChatModel model;
    private final StreamingChatModel streaming;
    private final String title;
    private final Duration timeout;
    private final AnswerObserver observer;
    private final SupportChecker support = new SupportChecker();
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "model-call");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param name      shown as the answer's model, e.g. "local:SmolLM2-135M-Instruct.Q4_1.gguf"
     * @param streaming the same model, streaming; null if it cannot stream (then sentences come at the end)
     * @param title     the article's title, named in the prompt
     * @param timeout   how long a model may take before the extractive answer is given instead
     */
    public ChatModelAnswerer(String name, ChatModel model, StreamingChatModel streaming, String title,
                             Duration timeout) {
        this(name, model, streaming, title, timeout, AnswerObserver.NONE);
    }

    /** @param observer told how many pieces the model writes */
    public ChatModelAnswerer(String name, ChatModel model, StreamingChatModel streaming, String title,
                             Duration timeout, AnswerObserver observer) {
        this.observer = observer;
        this.name = name;
        this.model = model;
        this.streaming = streaming;
        this.title = title;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Each sentence is cleaned and checked as soon as the model finishes it, and passed on to {@code sentences}:
     * a stream shows only checked sentences, and generation stops as soon as the answer is complete, wanted
     * no more, or broken.
     */
    @Override
    public Draft draft(Question question, Retrieval retrieval, DraftSink sentences) {
        List<RetrievedPassage> sources = sources(retrieval);
        ChatRequest request = ChatRequest.builder()
                .messages(GroundedPrompt.messages(title, question, sources))
                .build();
        ModelOutput output = new ModelOutput();
        List<String> answer = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        if (streaming == null) {
            accept(output.append(call(request)), answer, question, sources, sentences);
        } else {
            try (Generation generation = Generation.start(streaming, request, calls)) {
                String piece;
                while (!output.ended() && (piece = generation.next(deadline, sentences)) != null) {
                    observer.generated(1);
                    accept(output.append(piece), answer, question, sources, sentences);
                    stopIfHopeless(output.unfinished(), answer.isEmpty(), question, sources);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnswererException("cancelled", "the answer was cancelled");
            }
        }
        accept(output.finish(), answer, question, sources, sentences);
        if (answer.isEmpty()) {
            throw new AnswererException("empty", "the model's answer was empty");
        }
        return new Draft(String.join(" ", answer), true);
    }

    /**
     * Ends generation as soon as the sentence being written cannot pass: a refusal before any answer, or a name
     * or number that no passage contains. Waiting for its full stop would only delay the fallback.
     */
    private static void stopIfHopeless(String unfinished, boolean first, Question question,
                                       List<RetrievedPassage> sources) {
        if (unfinished.isEmpty()) {
            return;
        }
        if (first && ModelOutput.isRefusal(unfinished)) {
            throw new AnswererException("refused", "the model found no answer in the passages");
        }
        SupportChecker.unfoundFact(CitationMarkers.strip(unfinished), question.text(), sources).ifPresent(fact -> {
            throw new AnswererException("unsupported", "no passage supports \"" + fact + "\" in \""
                    + unfinished + "…\"");
        });
    }

    private void accept(List<String> finished, List<String> answer, Question question,
                        List<RetrievedPassage> sources, DraftSink sentences) {
        for (String sentence : finished) {
            if (ModelOutput.isRefusal(sentence)) {
                if (answer.isEmpty()) {
                    // Small models also refuse questions the passages do answer; the extractive answerer, which
                    // refuses on its own evidence, decides. Both refusing gives answered: false.
                    throw new AnswererException("refused", "the model found no answer in the passages");
                }
                continue; // "... [1]. The article does not say more." adds nothing
            }
            SupportChecker.Result checked = support.checkSentence(sentence, question.text(), sources);
            String supported = checked.text()
                    .orElseThrow(() -> new AnswererException("unsupported", checked.problem()));
            answer.add(supported);
            sentences.sentence(supported);
        }
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
        ChatResponse response = TimedModelCall.chat(calls, model, request, timeout);
        TokenUsage usage = response.tokenUsage();
        if (usage != null && usage.outputTokenCount() != null) {
            observer.generated(usage.outputTokenCount());
        }
        String text = response.aiMessage().text();
        return text == null ? "" : text;
    }
}
