package dev.articlechat.answer;

import dev.articlechat.ingest.Corpus;
import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievedPassage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

/**
 * The writing stage: a language model (any LangChain4j {@link StreamingChatModel}: in-process llama.cpp,
 * OpenAI-compatible, Ollama, Anthropic) answers in its own words from what it reads. Its text is cleaned and
 * handed on one finished sentence at a time, so each can be attributed and verified while the model writes
 * the next; generation stops as soon as nothing more is wanted.
 */
public final class ModelAnswerer {

    /** How a write ended: sentences were handed on, the model said the article does not say, or wrote nothing. */
    enum Written { ANSWERED, REFUSED, EMPTY }

    /** The model's prompt cache: a cold model reads the article with its first question, a warming one is busy. */
    public enum Cache { COLD, WARMING, WARM }

    /**
     * @param timeout        how long an answer may take before the extractive answer is given instead
     * @param maxPromptChars how much article text the model may read: whole articles up to this, retrieved
     *                       passages beyond it (about three characters a token, leaving room for the
     *                       conversation and the answer)
     * @param cachesPrompt   true for a model whose prompt cache is worth warming (in process); a hosted model
     *                       is always ready
     */
    public record Limits(Duration timeout, int maxPromptChars, boolean cachesPrompt) {
    }

    private final String name;
    private final StreamingChatModel model;
    private final Limits limits;
    private final AnswerObserver observer;
    /** The articles whole, when they fit: the prompt prefix every question shares. */
    private final Optional<ArticlePrompt.Material> wholeArticles;
    private final Corpus corpus;
    private final ExecutorService calls;
    private volatile Cache cache;

    /**
     * @param name  shown as the answer's model, e.g. "local:qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
     * @param calls runs the model's streams, read by the asking thread (the composition root owns it and
     *              closes it on stop; it outlives re-indexes, as the model does)
     */
    public ModelAnswerer(String name, StreamingChatModel model, Corpus corpus, Limits limits,
                         AnswerObserver observer, ExecutorService calls) {
        this.calls = calls;
        this.name = name;
        this.model = model;
        this.corpus = corpus;
        this.limits = limits;
        this.observer = observer;
        this.wholeArticles = ArticlePrompt.wholeArticles(corpus, limits.maxPromptChars());
        this.cache = limits.cachesPrompt() && wholeArticles.isPresent() ? Cache.COLD : Cache.WARM;
    }

    /** What the model reads for a question: the articles whole when they fit, else the retrieved passages. */
    ArticlePrompt.Material materialFor(Retrieval retrieval) {
        return wholeArticles.orElseGet(() -> ArticlePrompt.passages(corpus,
                retrieval.passages().stream().map(RetrievedPassage::passage).toList()));
    }

    public String name() {
        return name;
    }

    public Cache cache() {
        return cache;
    }

    /**
     * Has the model read the material once, so that its prompt cache holds it; questions asked meanwhile are
     * answered extractively. Does nothing for a model that is already warm.
     */
    public void warm() {
        if (cache != Cache.COLD) {
            return;
        }
        cache = Cache.WARMING;
        ChatRequest request = ChatRequest.builder()
                .messages(ArticlePrompt.messages(wholeArticles.orElseThrow(), Question.of("Hello")))
                .maxOutputTokens(1)
                .build();
        try (Generation generation = Generation.start(model, request, calls)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (generation.next(deadline, DraftSink.NONE) != null) {
                // the one token is not wanted; reading the prompt was the point
            }
            cache = Cache.WARM;
        } catch (InterruptedException e) {
            cache = Cache.COLD;
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            cache = Cache.COLD;
            throw e;
        }
    }

    /**
     * Writes an answer, handing each finished sentence to {@code sentences}, which answers whether to go on.
     *
     * @throws AnswererException when the model fails, is too slow, or nobody wants the answer any more
     */
    Written write(ArticlePrompt.Material material, Question question, DraftSink wanted,
                  Predicate<String> sentences) {
        ChatRequest request = ChatRequest.builder().messages(ArticlePrompt.messages(material, question)).build();
        Reading reading = new Reading(sentences);
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        try (Generation generation = Generation.start(model, request, calls)) {
            String piece;
            while (!reading.output.ended() && (piece = generation.next(deadline, wanted)) != null) {
                observer.generated(1);
                if (!reading.take(reading.output.append(piece)) || reading.refusesAtOnce()) {
                    return reading.outcome();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnswererException("cancelled", "the answer was cancelled");
        }
        reading.take(reading.output.finish());
        if (cache == Cache.COLD) {
            cache = Cache.WARM; // the first question read the articles into the cache
        }
        return reading.outcome();
    }

    /** The model's text as it arrives: cleaned, split, its first sentence looked at for a refusal. */
    private static final class Reading {

        private final ModelOutput output = new ModelOutput();
        private final Predicate<String> sentences;
        private int handedOn;
        private boolean refused;

        Reading(Predicate<String> sentences) {
            this.sentences = sentences;
        }

        /** False once no more is wanted: the model refused, or the next stage said stop. */
        boolean take(List<String> finished) {
            for (String sentence : finished) {
                if (ModelOutput.isRefusal(sentence)) {
                    if (handedOn == 0) {
                        refused = true;
                        return false;
                    }
                    continue; // "… [1]. The article does not say more." adds nothing
                }
                handedOn++;
                if (!sentences.test(sentence)) {
                    return false;
                }
            }
            return true;
        }

        /** A refusal is plain before its full stop; waiting for that would only delay the answer. */
        boolean refusesAtOnce() {
            refused = refused || (handedOn == 0 && ModelOutput.isRefusal(output.unfinished()));
            return refused;
        }

        Written outcome() {
            return refused ? Written.REFUSED : handedOn == 0 ? Written.EMPTY : Written.ANSWERED;
        }
    }
}
