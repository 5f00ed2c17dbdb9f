package dev.articlechat.retrieve;

import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks passages for a question by BM25, by embedding similarity, or by both fused with reciprocal rank
 * fusion, and optionally widens each hit with its neighbouring sentences.
 */
public final class HybridRetriever {

    /** History helps a follow-up find its topic, but must not outweigh what is asked now. */
    static final float CONTEXT_WEIGHT = 0.35f;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}'’.\\-]*[\\p{L}\\p{N}])?");

    private final PassageSearcher searcher;
    private final QueryEmbedder embedder;
    private final Corpus corpus;
    private final TermAnalyzer analyzer = new TermAnalyzer();

    /** @param corpus the articles the index was built from, to find a hit's neighbours without a search */
    public HybridRetriever(PassageSearcher searcher, QueryEmbedder embedder, Corpus corpus) {
        this.searcher = searcher;
        this.embedder = embedder;
        this.corpus = corpus;
    }

    /** Embeds text as the passages were embedded: for judging how close an answer is to its sources. */
    public QueryEmbedder embedder() {
        return embedder;
    }

    /**
     * @param limit         how many passages to return, before neighbours
     * @param contextWindow how many neighbouring sentences to add on each side of every hit (0 for none)
     * @param articleId     the one article to search, or empty for all
     */
    public Retrieval retrieve(RetrievalQuery query, RetrievalMode mode, int limit, int contextWindow,
                              Optional<String> articleId) {
        try {
            List<QueryTerm> questionTerms = questionTerms(query.question(), articleId);
            // Fetch more than asked, so the answerer can see the similarity of passages ranked just below.
            int depth = Math.max(limit * 2, 20);
            Map<String, PassageSearcher.Hit> lexical = byId(mode == RetrievalMode.VECTOR
                    ? List.of() : searcher.bm25(weightedTerms(questionTerms, query), depth, articleId));
            Map<String, PassageSearcher.Hit> semantic = byId(mode == RetrievalMode.BM25
                    ? List.of() : searcher.nearest(embedder.embed(query), depth, articleId));
            Map<String, Double> ranking = switch (mode) {
                case BM25 -> scores(lexical);
                case VECTOR -> scores(semantic);
                case HYBRID -> ReciprocalRankFusion.fuse(List.of(List.copyOf(lexical.keySet()),
                        List.copyOf(semantic.keySet())));
            };
            List<RetrievedPassage> hits = ranking.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> {
                        PassageSearcher.Hit l = lexical.get(e.getKey());
                        PassageSearcher.Hit s = semantic.get(e.getKey());
                        Passage passage = (l != null ? l : s).passage();
                        return new RetrievedPassage(passage, e.getValue(), l == null ? 0 : l.score(),
                                s == null ? 0 : s.score(), false);
                    })
                    .filter(hit -> !corpus.isQuarantined(hit.passage())) // an instruction to assistants is no answer
                    .limit(limit)
                    .toList();
            List<QueryTerm> contextTerms = query.hasContext() ? questionTerms(query.context(), articleId) : List.of();
            int searched = articleId.flatMap(corpus::article).map(a -> a.passages().size()).orElse(searcher.size());
            return new Retrieval(widen(hits, contextWindow), questionTerms, contextTerms, searched);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /** The question's words with their analysed terms and how many passages (of the article asked about) hold each. */
    List<QueryTerm> questionTerms(String question, Optional<String> articleId) throws IOException {
        List<QueryTerm> terms = new ArrayList<>();
        Matcher words = WORD.matcher(question);
        boolean first = true;
        while (words.find()) {
            String surface = words.group();
            for (String term : analyzer.terms(surface)) {
                boolean salient = surface.chars().anyMatch(Character::isDigit)
                        || (!first && surface.length() > 1 && Character.isUpperCase(surface.charAt(0)));
                terms.add(new QueryTerm(surface, term, searcher.passageCount(term, articleId), salient));
            }
            first = false;
        }
        return terms;
    }

    private Map<String, Float> weightedTerms(List<QueryTerm> questionTerms, RetrievalQuery query) {
        Map<String, Float> weights = new LinkedHashMap<>();
        questionTerms.forEach(t -> weights.put(t.term(), 1f));
        if (query.hasContext()) {
            analyzer.terms(query.context()).forEach(t -> weights.putIfAbsent(t, CONTEXT_WEIGHT));
        }
        return weights;
    }

    private List<RetrievedPassage> widen(List<RetrievedPassage> hits, int window) {
        if (window <= 0) {
            return hits;
        }
        Set<Passage> added = new LinkedHashSet<>();
        hits.forEach(h -> added.add(h.passage()));
        List<RetrievedPassage> widened = new ArrayList<>(hits);
        for (RetrievedPassage hit : hits) {
            List<Passage> article = corpus.articleOf(hit.passage()).passages();
            for (int offset = -window; offset <= window; offset++) {
                int ordinal = hit.passage().ordinal() + offset;
                if (ordinal >= 0 && ordinal < article.size() && !corpus.isQuarantined(article.get(ordinal))
                        && added.add(article.get(ordinal))) {
                    widened.add(new RetrievedPassage(article.get(ordinal), 0, 0, 0, true));
                }
            }
        }
        return widened;
    }

    /** Hits by passage, keyed by article and passage id: passage ids are unique only within their article. */
    private static Map<String, PassageSearcher.Hit> byId(List<PassageSearcher.Hit> hits) {
        Map<String, PassageSearcher.Hit> map = new LinkedHashMap<>();
        hits.forEach(h -> map.putIfAbsent(h.passage().articleId() + "/" + h.passage().id(), h));
        return map;
    }

    private static Map<String, Double> scores(Map<String, PassageSearcher.Hit> hits) {
        Map<String, Double> scores = new HashMap<>();
        hits.forEach((id, hit) -> scores.put(id, hit.score()));
        return scores;
    }
}
