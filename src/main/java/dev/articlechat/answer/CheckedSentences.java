package dev.articlechat.answer;

import dev.articlechat.answer.check.Attributor;
import dev.articlechat.answer.check.Claim;
import dev.articlechat.answer.check.ReadArticles;
import dev.articlechat.answer.check.Verdict;
import dev.articlechat.answer.check.Verification;
import dev.articlechat.answer.write.ArticlePrompt;
import dev.articlechat.answer.write.CitationMarkers;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attribute, verify and render stages for one answer, a written sentence at a time: each sentence the
 * model finishes is attributed to the article sentences it rests on, verified against them, and if it passes
 * marked with its sources and streamed at once. A sentence that fails is dropped (and logged, for tuning).
 */
final class CheckedSentences {

    private static final Logger log = LoggerFactory.getLogger(CheckedSentences.class);

    private final Attributor attributor;
    private final ReadArticles read;
    private final ArticlePrompt.Material material;
    private final String question;
    private final String earlier;
    private final StreamedText streamed;
    private final AnswerObserver observer;
    private final List<String> kept = new ArrayList<>();
    private int dropped;
    private int unfounded;

    /**
     * @param read     what the checks know of the articles read and of what retrieval found for the question
     * @param question the question as it stands on its own (a follow-up rewritten)
     * @param earlier  the conversation it follows up on, as retrieval searched it; empty for none
     */
    CheckedSentences(Attributor attributor, ReadArticles read, ArticlePrompt.Material material, String question,
                     String earlier, StreamedText streamed, AnswerObserver observer) {
        this.attributor = attributor;
        this.read = read;
        this.material = material;
        this.question = question;
        this.earlier = CitationMarkers.strip(earlier);
        this.streamed = streamed;
        this.observer = observer;
    }

    /** Takes one written sentence of a first answer; answers whether the model should go on writing. */
    boolean take(String sentence) {
        return take(sentence, Verification.firstLook());
    }

    /** As {@link #take(String)}, for an answer written after being pointed to sentences. */
    boolean takeAfterPointing(String sentence) {
        return take(sentence, Verification.secondLook());
    }

    private boolean take(String sentence, Verification verification) {
        String text = CitationMarkers.strip(sentence).strip();
        List<Attributor.Candidate> candidates = attributor.attribute(text, material.passages(),
                CitationMarkers.cited(sentence), read.bestForQuestion());
        Claim claim = new Claim(text, question, earlier, candidates, read,
                () -> attributor.similarity(question, text));
        Verification.Outcome outcome = verification.verify(claim);
        Verdict verdict = outcome.verdict();
        observer.sentenceChecked(question, text, verdict.droppedBy(), outcome.nanos());
        log.debug("\"{}\": {}, from {}", text, verdict, candidates.subList(0, Math.min(3, candidates.size())));
        if (verdict.isSupported()) {
            String shown = verdict.quotes() ? verdict.cited().get(0).text().strip() : text;
            String marked = CitationMarkers.mark(shown, verdict.cited().stream()
                    .map(p -> material.passages().indexOf(p) + 1).toList());
            kept.add(marked);
            streamed.sentence(marked);
        } else {
            log.info("Dropped a sentence of the model's answer to \"{}\" ({}): {}", question, verdict.check(),
                    verdict.problem());
            dropped++;
            unfounded += verdict.unfounded() ? 1 : 0;
        }
        return !streamed.cancelled();
    }

    /**
     * True when sentences were dropped, each for naming what the article does not hold or for having no article
     * sentence about it: the model answered from outside the article ("The capital of Australia is Canberra").
     */
    boolean onlyUnfoundedDropped() {
        return dropped > 0 && unfounded == dropped;
    }

    /** The sentences that passed, with their {@code [n]} markers into what the model read. */
    List<String> kept() {
        return List.copyOf(kept);
    }
}
