package dev.articlechat.answer.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checks a written sentence passes to be shown, composed in one place and run in order: those that need
 * only the claim and the question, then the choice of its sources ({@link SourceSelection}), then those that
 * read its sources. The first check that stops it decides; the time each took is kept for the eval report.
 * A second look, written after the model was pointed to sentences, is checked by a longer list, not a flag.
 */
public final class Verification {

    /** What the checks made of one sentence, and what each of them cost. */
    public record Outcome(Verdict verdict, Map<String, Long> nanos) {
    }

    private static final List<SentenceCheck> ON_THE_CLAIM = List.of(
            new NotCode(), new AddsToQuestion(), new AnswerKind(), new Founded());
    private static final List<SentenceCheck> ON_ITS_SOURCES = List.of(
            new FactsCited(), new SamePerson(), new NumbersPaired(), new NoOpposite(),
            new Entailed(), new SamePolarity(), new AboutTheQuestion());

    private final List<SentenceCheck> afterSelection;

    private Verification(List<SentenceCheck> afterSelection) {
        this.afterSelection = List.copyOf(afterSelection);
    }

    /** The checks of an answer the model wrote reading the article. */
    public static Verification firstLook() {
        return new Verification(ON_ITS_SOURCES);
    }

    /** The checks of an answer written after the model was pointed to sentences ({@link AskedNamesTogether}). */
    public static Verification secondLook() {
        return new Verification(Stream.concat(ON_ITS_SOURCES.stream(), Stream.of(new AskedNamesTogether())).toList());
    }

    /** Every check, by name, in the order they run: what the eval report lists. */
    public List<SentenceCheck> checks() {
        return Stream.concat(ON_THE_CLAIM.stream(), afterSelection.stream()).toList();
    }

    public Outcome verify(Claim claim) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        Optional<Verdict> stopped = run(ON_THE_CLAIM, claim, nanos);
        if (stopped.isEmpty()) {
            long started = System.nanoTime();
            SourceSelection.select(claim);
            nanos.put("source-selection", System.nanoTime() - started);
            stopped = run(afterSelection, claim, nanos);
        }
        return new Outcome(stopped.orElseGet(() -> Verdict.supported(claim.citedPassages())), nanos);
    }

    private static Optional<Verdict> run(List<SentenceCheck> checks, Claim claim, Map<String, Long> nanos) {
        for (SentenceCheck check : checks) {
            long started = System.nanoTime();
            Optional<Verdict> verdict = check.check(claim);
            nanos.put(check.name(), System.nanoTime() - started);
            if (verdict.isPresent()) {
                return verdict;
            }
        }
        return Optional.empty();
    }
}
