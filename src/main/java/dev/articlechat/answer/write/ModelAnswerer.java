package dev.articlechat.answer.write;

import dev.articlechat.answer.AnswerObserver;
import dev.articlechat.answer.Question;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Passage;
import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievedPassage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing stage: a language model (any LangChain4j {@link StreamingChatModel}: in-process llama.cpp,
 * OpenAI-compatible, Ollama, Anthropic) answers in its own words from what it reads. Its text is cleaned and
 * handed on one finished sentence at a time, so each can be attributed and verified while the model writes
 * the next; generation stops as soon as nothing more is wanted.
 */
public final class ModelAnswerer {

    private static final Logger log = LoggerFactory.getLogger(ModelAnswerer.class);

    /** How a write ended: sentences were handed on, the model said the article does not say, or wrote nothing. */
    public enum Written { ANSWERED, REFUSED, EMPTY }

    /** The model's prompt cache: a cold model reads the article with its first question, a warming one is busy. */
    public enum Cache { COLD, WARMING, WARM }

    /**
     * @param timeout        how long an answer may take before the extractive answer is given instead
     * @param maxPromptChars how much article text the model may read: whole articles up to this, retrieved
     *                       passages beyond it (about three characters a token, leaving room for the
     *                       conversation and the answer)
     * @param cachesPrompt   true for a model whose prompt cache is worth warming (in process); a hosted model
     *                       is always ready
     * @param judges         true to have the model confirm each sentence that passed the checks before it is shown
     *                       ({@link #confirms}); worth it where the article sits in the model's prompt cache
     */
    public record Limits(Duration timeout, int maxPromptChars, boolean cachesPrompt, boolean judges) {
    }

    /** "Yes" and "No" are one token each: the first is the judgement. */
    private static final int JUDGEMENT_TOKENS = 1;

    private final String name;
    private final StreamingChatModel model;
    private final Limits limits;
    private final AnswerObserver observer;
    /** Every article whole, when they fit: the prompt prefix every unscoped question shares. */
    private final Optional<ArticlePrompt.Material> wholeCorpus;
    private final Corpus corpus;
    private final ExecutorService calls;
    private final PromptCache prompts;

    /**
     * @param name    shown as the answer's model, e.g. "local:qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
     * @param calls   runs the model's streams, read by the asking thread, and its warm-ups (the composition root
     *                owns it and closes it on stop; it outlives re-indexes, as the model does)
     * @param prompts which prompts the model holds read; outlives re-indexes, as the model does
     */
    public ModelAnswerer(String name, StreamingChatModel model, Corpus corpus, Limits limits,
                         AnswerObserver observer, ExecutorService calls, PromptCache prompts) {
        this.calls = calls;
        this.name = name;
        this.model = model;
        this.corpus = corpus;
        this.limits = limits;
        this.observer = observer;
        this.prompts = prompts;
        this.wholeCorpus = ArticlePrompt.wholeArticles(corpus, limits.maxPromptChars());
    }

    /**
     * What the model reads for a question: its article whole when it fits (every article, for a question about
     * all of them, when they fit together), else the passages retrieved for it.
     */
    public ArticlePrompt.Material materialFor(Retrieval retrieval, Optional<String> articleId) {
        Optional<ArticlePrompt.Material> whole = articleId.isEmpty() ? wholeCorpus
                : corpus.article(articleId.get()).flatMap(a -> ArticlePrompt.wholeArticle(corpus, a, limits.maxPromptChars()));
        return whole.orElseGet(() -> ArticlePrompt.passages(corpus,
                retrieval.passages().stream().map(RetrievedPassage::passage).toList()));
    }

    public String name() {
        return name;
    }

    /** Whether the model holds every article read, as unscoped questions need (for a single article: it). */
    public Cache cache() {
        return wholeCorpus.map(this::cache).orElse(Cache.WARM);
    }

    /** Whether the model holds this material read; passages retrieved for one question are never held. */
    public Cache cache(ArticlePrompt.Material material) {
        return limits.cachesPrompt() && material.cacheable() ? prompts.state(material) : Cache.WARM;
    }

    /**
     * Has the model read every article once, so that its prompt cache holds them; questions asked meanwhile
     * are answered extractively. Blocks; does nothing when they are read or being read.
     */
    public void warm() {
        wholeCorpus.ifPresent(this::warm);
    }

    /** As {@link #warm()}, for the questions about one article. */
    public void warm(String articleId) {
        corpus.article(articleId).flatMap(a -> ArticlePrompt.wholeArticle(corpus, a, limits.maxPromptChars()))
                .ifPresent(this::warm);
    }

    /** As {@link #warm()}, for one material, on a thread of the model's calls. */
    public void warmInBackground(ArticlePrompt.Material material) {
        if (cache(material) == Cache.COLD) {
            calls.execute(() -> warm(material));
        }
    }

    private void warm(ArticlePrompt.Material material) {
        if (!limits.cachesPrompt() || !prompts.claim(material)) {
            return;
        }
        ChatRequest request = ChatRequest.builder()
                .messages(ArticlePrompt.messages(material, Question.of("Hello")))
                .maxOutputTokens(1)
                .build();
        try (Generation generation = Generation.start(model, request, calls)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (generation.next(deadline, DraftSink.NONE) != null) {
                // the one token is not wanted; reading the prompt was the point
            }
            prompts.read(material);
        } catch (InterruptedException e) {
            prompts.forget(material);
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            prompts.forget(material);
            throw e;
        }
    }

    /** When an answer begun now is due: past it, the extractive answer is given instead. */
    public long deadline() {
        return System.nanoTime() + limits.timeout().toNanos();
    }

    /**
     * Writes an answer, handing each finished sentence to {@code sentences}, which answers whether to go on.
     *
     * @param pointedTo sentences the question points the model to (none at first: see {@link CorpusAnswers})
     * @param deadline  when the answer is due ({@link #deadline()}), by {@link System#nanoTime()}
     * @throws AnswererException when the model fails, is too slow, or nobody wants the answer any more
     */
    public Written write(ArticlePrompt.Material material, Question question, Set<Passage> pointedTo, long deadline,
                  DraftSink wanted, Predicate<String> sentences) {
        ChatRequest request = ChatRequest.builder()
                .messages(ArticlePrompt.messages(material, question, pointedTo)).build();
        Reading reading = new Reading(sentences);
        try (Generation generation = Generation.start(model, request, calls)) {
            String piece;
            while (!reading.output.ended() && (piece = generation.next(deadline, wanted)) != null) {
                observer.generated(1);
                if (!reading.take(reading.output.append(piece)) || reading.refusesAtOnce()) {
                    return reading.outcome(question);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnswererException("cancelled", "the answer was cancelled");
        }
        reading.take(reading.output.finish());
        if (limits.cachesPrompt() && material.cacheable()) {
            prompts.read(material); // a question that read the material left it in the cache
        }
        return reading.outcome(question);
    }

    /** Whether sentences are to be confirmed by the model before they are shown ({@link Limits#judges}). */
    public boolean judges() {
        return limits.judges();
    }

    /**
     * Whether the model, asked whether the sentences a claim cites say it in answer to the question, says yes: a
     * last check of what the rules passed, since a claim can repeat its sources' words and still say what they do
     * not. The article is the cached prefix, so this costs the question's and claim's tokens and one answered.
     * No is no, and so is a model that fails or is late: nothing unconfirmed is shown.
     *
     * @param cited the claim's sources, by the numbers the model reads
     */
    public boolean confirms(ArticlePrompt.Material material, Question question, String claim, List<Integer> cited,
                            long deadline, DraftSink wanted) {
        ChatRequest request = ChatRequest.builder()
                .messages(ArticlePrompt.judging(material, question, claim, cited))
                .maxOutputTokens(JUDGEMENT_TOKENS)
                .build();
        StringBuilder said = new StringBuilder();
        try (Generation generation = Generation.start(model, request, calls)) {
            String piece;
            while ((piece = generation.next(deadline, wanted)) != null) {
                observer.generated(1);
                said.append(piece);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (AnswererException e) {
            log.info("The model did not judge \"{}\", so it is not shown: {}", claim, e.getMessage());
            return false;
        }
        return ArticlePrompt.isYes(said.toString());
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

        Written outcome(Question question) {
            log.debug("The model wrote, to \"{}\": {}", question.text(), output.raw());
            return refused ? Written.REFUSED : handedOn == 0 ? Written.EMPTY : Written.ANSWERED;
        }
    }
}
