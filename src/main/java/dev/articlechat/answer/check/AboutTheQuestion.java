package dev.articlechat.answer.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A true sentence answers this question, not another one. It does when it rests on, or matches, a sentence
 * retrieval ranked first for the question; or it, or the sentences it cites, speak of something the question
 * asks about beyond its names ("What tariffs did Ottawa impose?" is about tariffs, not about anything said of
 * Ottawa); or it is close to the question in meaning. A name the question brings that the articles never mention
 * must be in the answer. A follow-up ("What does he plan to do about that?") is about its conversation too.
 */
final class AboutTheQuestion implements SentenceCheck {

    /**
     * Embeddings alone are not enough: "What weekday did the visit begin?" and "The visit began on Wednesday."
     * are only 0.29 apart.
     */
    static final double MIN_QUESTION_SIMILARITY = 0.5;

    @Override
    public String name() {
        return "about-question";
    }

    @Override
    public String reason() {
        return "a sentence true to the article about someone the question names may answer another question";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        Set<String> said = claim.termsOf(claim.cited());
        said.addAll(claim.terms);
        Set<String> names = claim.questionFacts;
        Set<String> articleTerms = claim.read.articleTerms;
        boolean unknownNameAnswered = names.stream().filter(n -> !Words.sameCountryIn(n, articleTerms))
                .allMatch(claim.terms::contains);
        String topic = claim.question + "\n" + claim.earlier;
        List<String> asked = claim.read.words.contentTerms(topic).stream()
                .filter(t -> !names.contains(t) && !t.chars().allMatch(Character::isDigit)).toList();
        Set<?> best = claim.read.bestForQuestion;
        boolean restsOnTheBestFound = claim.cited().stream().anyMatch(c -> best.contains(c.passage()))
                || claim.candidates.stream().anyMatch(c -> c.score() >= Founded.MIN_MATCH && best.contains(c.passage()));
        boolean about = unknownNameAnswered && (asked.isEmpty() || restsOnTheBestFound
                || asked.stream().anyMatch(t -> Words.foundIn(t, said))
                || claim.similarityToQuestion() >= MIN_QUESTION_SIMILARITY);
        return about ? Optional.empty()
                : Optional.of(Verdict.rejected(name(), claim.quoted() + " is true but answers another question"));
    }
}
