package dev.articlechat.answer.check;

import dev.articlechat.ingest.Passage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * One sentence the model wrote, with the question it answers and the article sentences it may rest on,
 * analysed once: every check reads its terms, names and numbers from here, never analysing the text again.
 * The sources it cites are chosen by {@link SourceSelection} before the checks that read them run.
 */
public final class Claim {

    final String text;
    final String question;
    /** The conversation it follows up on, as retrieval searched it, without markers; empty for none. */
    final String earlier;
    /** What {@link Attributor} found for it, best first. */
    final List<Attributor.Candidate> candidates;
    final ReadArticles read;

    final List<String> terms;
    final List<String> contentTerms;
    /** Its names and numbers, as analysed terms. */
    final Set<String> facts;
    final Set<String> questionTerms;
    final Set<String> questionContentTerms;
    final Set<String> questionFacts;

    private final DoubleSupplier similarityToQuestion;
    private double similarity = Double.NaN;

    /** The sentences it rests on, once chosen; a corroborating one is cited too but proves nothing itself. */
    private List<Attributor.Candidate> sources = List.of();
    private Attributor.Candidate corroboration;

    /**
     * @param text       the written sentence, without markers
     * @param similarity how close the claim is to the question in meaning (computed only when a check needs it)
     */
    public Claim(String text, String question, String earlier, List<Attributor.Candidate> candidates,
                 ReadArticles read, DoubleSupplier similarity) {
        this.text = text;
        this.question = question;
        this.earlier = earlier;
        this.candidates = List.copyOf(candidates);
        this.read = read;
        this.similarityToQuestion = similarity;
        Words words = read.words;
        this.terms = words.terms(text);
        this.contentTerms = words.contentTerms(text);
        this.facts = words.facts(text, read.commonWords);
        this.questionTerms = new HashSet<>(words.terms(question));
        this.questionContentTerms = new HashSet<>(words.contentTerms(question));
        this.questionFacts = words.facts(question, read.commonWords);
    }

    public String text() {
        return text;
    }

    double similarityToQuestion() {
        if (Double.isNaN(similarity)) {
            similarity = similarityToQuestion.getAsDouble();
        }
        return similarity;
    }

    Attributor.Candidate best() {
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    void cite(List<Attributor.Candidate> sources, Attributor.Candidate corroboration) {
        this.sources = List.copyOf(sources);
        this.corroboration = corroboration;
    }

    /** The sentences the claim's facts were found in, its own sources first. */
    List<Attributor.Candidate> sources() {
        return sources;
    }

    /** Every sentence shown with the claim: its sources, and a corroborating one the question found. */
    List<Attributor.Candidate> cited() {
        if (corroboration == null) {
            return sources;
        }
        List<Attributor.Candidate> all = new ArrayList<>(sources);
        all.add(corroboration);
        return all;
    }

    List<Passage> citedPassages() {
        return cited().stream().map(Attributor.Candidate::passage).toList();
    }

    /** Every analysed term of the given sentences. */
    Set<String> termsOf(List<Attributor.Candidate> sentences) {
        Set<String> all = new HashSet<>();
        sentences.forEach(c -> all.addAll(read.words.termsOf(c.passage())));
        return all;
    }

    /** The claim quoted, for a check's reason. */
    String quoted() {
        return "\"" + text + "\"";
    }
}
