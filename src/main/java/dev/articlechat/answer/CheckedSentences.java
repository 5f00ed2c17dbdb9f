package dev.articlechat.answer;

import dev.articlechat.answer.check.Attributor;
import dev.articlechat.answer.check.Claim;
import dev.articlechat.answer.check.ReadArticles;
import dev.articlechat.answer.check.Verdict;
import dev.articlechat.answer.check.Verification;
import dev.articlechat.answer.write.ArticlePrompt;
import dev.articlechat.answer.write.CitationMarkers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attribute, verify and render stages for one answer, a written sentence at a time: each sentence the
 * model finishes is attributed to the article sentences it rests on, verified against them, and if it passes
 * marked with its sources and streamed at once. A sentence that fails is dropped (and logged, for tuning).
 */
final class CheckedSentences {

    /** A last say on a sentence that passed every check: whether the model confirms what its sources say. */
    @FunctionalInterface
    interface Judge {
        /** @param cited the sentence's sources, by the numbers the model reads */
        boolean confirms(String sentence, List<Integer> cited);
    }

    /** The name the judge's drops and time go by, in the logs and the eval's per-check table. */
    static final String JUDGE = "model-judge";

    /** A sentence that passed the checks, held until the judge has seen it. */
    private record Held(String text, String marked, List<Integer> cited, Map<String, Long> nanos) {
    }

    private static final Logger log = LoggerFactory.getLogger(CheckedSentences.class);

    private final Attributor attributor;
    private final ReadArticles read;
    private final ArticlePrompt.Material material;
    private final String question;
    private final String earlier;
    private final StreamedText streamed;
    private final AnswerObserver observer;
    private final Judge judge;
    private final List<Held> held = new ArrayList<>();
    private final List<String> kept = new ArrayList<>();
    private int dropped;
    private int unfounded;

    /**
     * @param read     what the checks know of the articles read and of what retrieval found for the question
     * @param question the question as it stands on its own (a follow-up rewritten)
     * @param earlier  the conversation it follows up on, as retrieval searched it; empty for none
     * @param judge    confirms each sentence that passed before it is shown ({@link #judgeHeld}), or null for none:
     *                 then each is shown as soon as it passes
     */
    CheckedSentences(Attributor attributor, ReadArticles read, ArticlePrompt.Material material, String question,
                     String earlier, StreamedText streamed, AnswerObserver observer, Judge judge) {
        this.judge = judge;
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
        log.debug("\"{}\": {}, from {}", text, verdict, candidates.subList(0, Math.min(3, candidates.size())));
        if (verdict.isSupported()) {
            String shown = verdict.quotes() ? verdict.cited().get(0).text().strip() : text;
            List<Integer> cited = verdict.cited().stream().map(p -> material.passages().indexOf(p) + 1).toList();
            Held passed = new Held(text, CitationMarkers.mark(shown, cited), cited, outcome.nanos());
            if (judge == null) {
                show(passed, passed.nanos());
            } else {
                held.add(passed); // the model is still writing: it judges when it is done
            }
        } else {
            observer.sentenceChecked(question, text, verdict.droppedBy(), outcome.nanos());
            log.info("Dropped a sentence of the model's answer to \"{}\" ({}): {}", question, verdict.check(),
                    verdict.problem());
            dropped++;
            unfounded += verdict.unfounded() ? 1 : 0;
        }
        return !streamed.cancelled();
    }

    /**
     * Has the judge look at each sentence held since the last call, once the model has finished writing: a
     * sentence it confirms is shown, any other dropped. Without a judge nothing is held.
     */
    void judgeHeld() {
        for (Held passed : held) {
            long started = System.nanoTime();
            boolean confirmed = judge.confirms(passed.marked(), passed.cited());
            Map<String, Long> nanos = new LinkedHashMap<>(passed.nanos());
            nanos.put(JUDGE, System.nanoTime() - started);
            if (confirmed) {
                show(passed, nanos);
            } else {
                observer.sentenceChecked(question, passed.text(), JUDGE, nanos);
                log.info("Dropped a sentence of the model's answer to \"{}\" ({}): the model did not confirm "
                        + "that its sources say \"{}\"", question, JUDGE, passed.text());
                dropped++;
            }
        }
        held.clear();
    }

    /** @param nanos what each check that passed it took, the judge's time among them when it was judged */
    private void show(Held passed, Map<String, Long> nanos) {
        observer.sentenceChecked(question, passed.text(), null, nanos);
        kept.add(passed.marked());
        streamed.sentence(passed.marked());
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
