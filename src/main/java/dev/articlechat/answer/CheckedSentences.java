package dev.articlechat.answer;

import dev.articlechat.ingest.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
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
    private final SentenceVerifier verifier;
    private final ArticlePrompt.Material material;
    private final String question;
    private final String earlier;
    private final Set<Passage> foundForQuestion;
    private final StreamedText streamed;
    private final List<String> kept = new ArrayList<>();
    private int dropped;
    private int unfounded;

    /**
     * @param question the question as it stands on its own (a follow-up rewritten)
     * @param earlier  the conversation it follows up on, as retrieval searched it; empty for none
     * @param foundForQuestion the sentences retrieval ranked first for it
     */
    CheckedSentences(Attributor attributor, SentenceVerifier verifier, ArticlePrompt.Material material,
                     String question, String earlier, Set<Passage> foundForQuestion, StreamedText streamed) {
        this.earlier = earlier;
        this.foundForQuestion = Set.copyOf(foundForQuestion);
        this.attributor = attributor;
        this.verifier = verifier;
        this.material = material;
        this.question = question;
        this.streamed = streamed;
    }

    /** Takes one written sentence; answers whether the model should go on writing. */
    boolean take(String sentence) {
        return take(sentence, false);
    }

    /**
     * As {@link #take(String)}, for an answer written after being pointed to sentences: what the question names
     * must be in one sentence it cites ({@link SentenceVerifier#verifyAfterPointing}).
     */
    boolean takeAfterPointing(String sentence) {
        return take(sentence, true);
    }

    private boolean take(String sentence, boolean afterPointing) {
        String claim = CitationMarkers.strip(sentence).strip();
        List<Attributor.Candidate> candidates = attributor.attribute(claim, material.passages(),
                CitationMarkers.cited(sentence), foundForQuestion);
        DoubleSupplier similarity = () -> attributor.similarity(question, claim);
        SentenceVerifier.Verdict verdict = afterPointing
                ? verifier.verifyAfterPointing(claim, candidates, question, earlier, similarity)
                : verifier.verify(claim, candidates, question, earlier, similarity);
        log.debug("\"{}\": {}, from {}", claim, verdict, candidates.subList(0, Math.min(3, candidates.size())));
        if (verdict.isSupported()) {
            String shown = verdict.quotes() ? verdict.cited().get(0).text().strip() : claim;
            String marked = CitationMarkers.mark(shown, verdict.cited().stream()
                    .map(p -> material.passages().indexOf(p) + 1).toList());
            kept.add(marked);
            streamed.sentence(marked);
        } else {
            log.info("Dropped a sentence of the model's answer to \"{}\": {}", question, verdict.problem());
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
