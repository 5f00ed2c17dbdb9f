package dev.articlechat.answer.check;

import dev.articlechat.ingest.Passage;
import dev.articlechat.retrieve.QueryEmbedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the article sentences a written sentence rests on. Models answer in their own words and rarely number
 * their sources right, so the sentence itself is the query: its analysed terms are matched against each
 * sentence the model read (weighted by how rare each term is among them, as BM25 weighs them), blended with the
 * similarity of their embeddings. The model's own {@code [n]} only breaks near ties.
 */
public final class Attributor {

    /** One sentence the written sentence may rest on, with how well it matches. */
    public record Candidate(Passage passage, double score, double lexical, double semantic) {
    }

    /** Meaning counts as much as wording: a paraphrase shares few terms with its source. */
    static final double SEMANTIC_WEIGHT = 0.5;
    /** Enough to decide between two close candidates, never enough to raise an unrelated one. */
    static final double HINT_BONUS = 0.05;
    /**
     * As much for a sentence retrieval ranked first for the question: of two sentences that say "Wednesday", the
     * answer to "On which day did the visit begin?" rests on the one about the visit.
     */
    static final double FOUND_BONUS = 0.05;

    private final Words words;
    private final QueryEmbedder embedder;

    public Attributor(Words words, QueryEmbedder embedder) {
        this.words = words;
        this.embedder = embedder;
    }

    /**
     * The sentences the model read, best match first.
     *
     * @param claim   the written sentence, without markers
     * @param hinted  the sentences the model itself marked (1-based positions in {@code read}), if any
     * @param found   the sentences retrieval ranked first for the question
     */
    public List<Candidate> attribute(String claim, List<Passage> read, Set<Integer> hinted, Set<Passage> found) {
        List<String> claimTerms = words.contentTerms(claim);
        Map<String, Integer> documentFrequency = new HashMap<>();
        read.forEach(passage -> words.termsOf(passage).forEach(t -> documentFrequency.merge(t, 1, Integer::sum)));
        Embedding claimVector = Embedding.from(embedder.embed(claim));
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            double lexical = weightedCoverage(claimTerms, words.termsOf(read.get(i)), documentFrequency, read.size());
            double semantic = CosineSimilarity.between(claimVector, Embedding.from(embedder.embed(read.get(i).text())));
            double score = (1 - SEMANTIC_WEIGHT) * lexical + SEMANTIC_WEIGHT * semantic
                    + (hinted.contains(i + 1) ? HINT_BONUS : 0)
                    + (found.contains(read.get(i)) ? FOUND_BONUS : 0);
            candidates.add(new Candidate(read.get(i), score, lexical, semantic));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return candidates;
    }

    /** How close in meaning a claim is to the question it answers. */
    public double similarity(String question, String claim) {
        return CosineSimilarity.between(Embedding.from(embedder.embed(question)), Embedding.from(embedder.embed(claim)));
    }

    /** The IDF-weighted share of the claim's terms that the sentence holds: rare shared words say the most. */
    private static double weightedCoverage(List<String> claimTerms, Set<String> sentenceTerms,
                                           Map<String, Integer> documentFrequency, int sentences) {
        double total = 0;
        double found = 0;
        for (String term : new HashSet<>(claimTerms)) {
            int df = documentFrequency.getOrDefault(term, 0);
            double idf = Math.log(1 + (sentences - df + 0.5) / (df + 0.5));
            total += idf;
            if (Words.foundIn(term, sentenceTerms)) {
                found += idf;
            }
        }
        return total == 0 ? 0 : found / total;
    }
}
