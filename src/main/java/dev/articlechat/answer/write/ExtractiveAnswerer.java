package dev.articlechat.answer.write;

import dev.articlechat.answer.Question;
import dev.articlechat.answer.check.ExpectedAnswerType;
import dev.articlechat.answer.check.PassageTerms;
import dev.articlechat.retrieve.QueryTerm;
import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievedPassage;
import dev.articlechat.retrieve.TermAnalyzer;
import dev.articlechat.retrieve.TermMatch;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with the article's own words: the sentence that best matches the question, cited.
 *
 * <p>Each retrieved sentence is scored by the similarity of its embedding to the question's (corrected for
 * hubness) and by a lexical match: the IDF-weighted share of the question's content terms it contains
 * (names and numbers counting double, the conversation's terms less), blended with its BM25 score. A
 * question is refused when it names something the article never mentions (a name or number absent from
 * every passage), when no sentence is close to it either way, or when no close sentence holds the kind of
 * answer it asks for (see {@link ExpectedAnswerType}).
 *
 * <p>The weights and thresholds were chosen on the dev questions together with a second, independently
 * written set of 40 (paraphrases, near-miss questions the article does not answer, follow-ups), picking
 * values in the middle of the range that scored best on both rather than the single best point.
 */
public final class ExtractiveAnswerer implements Answerer {

    private static final Logger log = LoggerFactory.getLogger(ExtractiveAnswerer.class);

    /** Words that shape a question but say nothing about its topic (in analysed, stemmed form). */
    private static final Set<String> QUESTION_WORDS = Set.of(
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "do", "doe", "did", "done",
            "ha", "have", "had", "can", "could", "would", "should", "shall", "may", "might", "must", "i", "me",
            "my", "you", "your", "we", "our", "tell", "know", "about", "from", "also", "onli", "ani", "some",
            "much", "mani", "thing", "anyth", "someth", "kind", "sort", "articl", "stori", "text", "happen",
            "he", "she", "him", "her", "hi", "them", "thei", "its");

    /** A sentence below both of these is unrelated to the question. */
    static final double MIN_SIMILARITY = 0.10;
    static final double MIN_LEXICAL = 0.60;

    static final double SEMANTIC_WEIGHT = 0.7;
    /** Within the lexical match: BM25 adds term frequency and length normalisation to plain coverage. */
    static final double BM25_SHARE = 0.3;
    /** Names and numbers pin a question down; matching one says more than matching a common word. */
    static final double SALIENT_WEIGHT = 2.0;
    /** Earlier turns fill in a follow-up's topic, but count for less than the question itself. */
    static final double CONTEXT_WEIGHT = 0.35;
    /** Added for a sentence with the kind of thing asked for, such as a name for "who". */
    static final double ANSWER_TYPE_BONUS = 0.2;
    /** A follow-up wants something new: a sentence that the earlier answers already said ranks lower. */
    static final double ALREADY_SAID_PENALTY = 0.25;

    private final TermAnalyzer analyzer = new TermAnalyzer();
    private final PassageTerms termsByPassage = new PassageTerms(analyzer::terms);
    private final String refusal;

    /** @param refusal the plain sentence given when the article does not answer a question */
    public ExtractiveAnswerer(String refusal) {
        this.refusal = refusal;
    }

    @Override
    public String name() {
        return "extractive";
    }

    @Override
    public Draft draft(Question question, Retrieval retrieval, DraftSink sentences) {
        List<QueryTerm> content = contentTerms(retrieval.questionTerms());
        List<QueryTerm> absentNames = content.stream().filter(t -> t.salient() && !t.inArticle()).toList();
        if (!absentNames.isEmpty()) {
            log.debug("Refusing \"{}\": the article never mentions {}", question.text(), absentNames);
            return Draft.refusal(refusal);
        }
        List<QueryTerm> context = contentTerms(retrieval.contextTerms());
        Set<String> alreadySaid = alreadySaid(question);
        ExpectedAnswerType answerType = ExpectedAnswerType.of(question.text());
        List<RetrievedPassage> sources = retrieval.passages();
        double maxBm25 = sources.stream().mapToDouble(RetrievedPassage::lexical).max().orElse(0);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sources.size(); i++) {
            RetrievedPassage source = sources.get(i);
            if (source.context()) {
                continue;
            }
            Set<String> terms = termsOf(source);
            double lexical = (1 - BM25_SHARE) * coverage(content, context, terms, retrieval.corpusSize())
                    + BM25_SHARE * (maxBm25 > 0 ? source.lexical() / maxBm25 : 0);
            double said = alreadySaidShare(terms, alreadySaid);
            String sentence = source.passage().text();
            double score = SEMANTIC_WEIGHT * source.semantic() + (1 - SEMANTIC_WEIGHT) * lexical
                    - ALREADY_SAID_PENALTY * said
                    + (answerType.prefers(sentence, question.text()) ? ANSWER_TYPE_BONUS : 0);
            if (log.isDebugEnabled()) { // formatting costs more than scoring; this runs for every candidate
                log.debug("  {} semantic {} lexical {} said {} score {}", source.passage().id(),
                        format(source.semantic()), format(lexical), format(said), format(score));
            }
            boolean related = source.semantic() >= MIN_SIMILARITY || lexical >= MIN_LEXICAL;
            if (related && score > bestScore && answerType.admits(sentence)) {
                bestScore = score;
                best = i;
            }
        }
        if (best < 0) {
            log.debug("Refusing \"{}\": no passage is close enough", question.text());
            return Draft.refusal(refusal);
        }
        // a passage is one sentence of the article: the answer is that sentence, whole
        String answer = sources.get(best).passage().text() + " [" + (best + 1) + "]";
        sentences.sentence(answer);
        return new Draft(answer, true);
    }

    private static List<QueryTerm> contentTerms(List<QueryTerm> terms) {
        return terms.stream().filter(t -> !QUESTION_WORDS.contains(t.term())).toList();
    }

    /**
     * IDF-weighted share of the question's content terms (and, at a lower weight, its conversation's) found
     * in the sentence. Terms the article lacks are left out: they cannot tell sentences apart.
     */
    private static double coverage(List<QueryTerm> question, List<QueryTerm> context, Set<String> sentence,
                                   int corpusSize) {
        double[] foundAndTotal = new double[2];
        tally(question, 1, sentence, corpusSize, foundAndTotal);
        tally(context, CONTEXT_WEIGHT, sentence, corpusSize, foundAndTotal);
        return foundAndTotal[1] == 0 ? 0 : foundAndTotal[0] / foundAndTotal[1];
    }

    private static void tally(List<QueryTerm> terms, double weight, Set<String> sentence, int corpusSize,
                              double[] foundAndTotal) {
        for (QueryTerm term : terms) {
            if (!term.inArticle()) {
                continue;
            }
            double w = weight * idf(term.passageCount(), corpusSize) * (term.salient() ? SALIENT_WEIGHT : 1);
            foundAndTotal[1] += w;
            if (sentence.stream().anyMatch(s -> TermMatch.related(term.term(), s))) {
                foundAndTotal[0] += w;
            }
        }
    }

    /** BM25's IDF: rare terms say more about which sentence is meant. */
    private static double idf(int passageCount, int corpusSize) {
        return Math.log(1 + (corpusSize - passageCount + 0.5) / (passageCount + 0.5));
    }

    private Set<String> alreadySaid(Question question) {
        Set<String> terms = new HashSet<>();
        question.history().stream()
                .filter(turn -> !turn.fromUser())
                .forEach(turn -> terms.addAll(analyzer.terms(CitationMarkers.strip(turn.content()))));
        return terms;
    }

    /** Share of what the earlier answers said that this sentence contains: 1 when it was their source. */
    private static double alreadySaidShare(Set<String> sentence, Set<String> said) {
        if (said.isEmpty()) {
            return 0;
        }
        return said.stream().filter(sentence::contains).count() / (double) said.size();
    }

    private Set<String> termsOf(RetrievedPassage source) {
        return termsByPassage.of(source.passage());
    }

    private static String format(double value) {
        return String.format("%.3f", value);
    }
}
