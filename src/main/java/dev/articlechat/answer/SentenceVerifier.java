package dev.articlechat.answer;

import dev.articlechat.ingest.Passage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * Decides whether a written sentence may be shown with the sentences attributed to it. It may when it says
 * something the question did not (and the kind of thing asked for: a time for "when", a quantity for "how
 * many"), every name and number in it is in the sentences it cites (as analysed
 * tokens: "20 percent" does not pass against "2018"), what it says is entailed by them (its new words are
 * theirs, its meaning close to theirs, its polarity the same), and it answers this question, not another one.
 * Up to {@link #MAX_CITED} sentences may be cited together when a claim draws on more than one.
 */
final class SentenceVerifier {

    /**
     * The outcome for one sentence: the sentences it cites, or why it is not shown; or the one article sentence
     * shown in its place, when it only restated a yes-or-no question. A sentence is unfounded when no article
     * sentence is about it or it names what its sources do not: the model wrote from outside the article.
     */
    record Verdict(List<Passage> cited, String problem, boolean quotes, boolean unfounded) {

        static Verdict supported(List<Passage> cited) {
            return new Verdict(List.copyOf(cited), null, false, false);
        }

        static Verdict quoting(Passage source) {
            return new Verdict(List.of(source), null, true, false);
        }

        static Verdict rejected(String problem) {
            return new Verdict(List.of(), problem, false, false);
        }

        static Verdict unfounded(String problem) {
            return new Verdict(List.of(), problem, false, true);
        }

        boolean isSupported() {
            return problem == null;
        }
    }

    static final int MAX_CITED = 3;
    /** Below this blended score a sentence is not about the claim at all. */
    static final double MIN_MATCH = 0.35;
    /** A second or third source must be about the claim too, not merely hold the missing name. */
    static final double MIN_EXTRA_MATCH = 0.30;
    /** A sentence retrieval found for the question is cited beside the claim's own source above this match. */
    static final double MIN_CORROBORATION = 0.45;
    /** Share of the claim's own words (those the question did not bring) that its sources must hold. */
    static final double MIN_COVERAGE = 0.5;
    /** A paraphrase holds fewer of its source's words; its meaning must then be close. */
    static final double PARAPHRASE_COVERAGE = 0.25;
    static final double PARAPHRASE_SIMILARITY = 0.62;
    /**
     * An answer is about what was asked: it rests on, or matches, a sentence retrieval ranked first for the
     * question (so "Canada aims to double trade with non-US partners", resting on Anand's words, answers "What
     * is the plan for other markets?", which retrieval found in Carney's pledge to double exports), or it, or
     * the sentences it cites, speak of something the question asks about beyond its names ("What tariffs did
     * Ottawa impose?" is about tariffs, not about anything said of Ottawa), or it is close to the question in
     * meaning; and a name the question brings that the article never mentions (Taiwan, asked about an article
     * that does not) is in the answer, or there is no answer.
     * Embeddings alone are not enough: "What weekday did the visit begin?" and "The visit began on
     * Wednesday." are only 0.29 apart. A follow-up ("What does he plan to do about that?") is about its
     * conversation too.
     */
    static final double MIN_QUESTION_SIMILARITY = 0.5;

    /** Code, markup, templates: a coder model writes them when asked to, and they are never an answer. */
    private static final Pattern CODE = Pattern.compile("```|[{}<>=;]|\\w\\([^)]*\\)|\\bdef \\w+|#include");
    /** "Did the council approve…?", "Is there…?": a question that "Yes" or "No" answers. */
    private static final Pattern YES_NO_QUESTION = Pattern.compile("^(?i)\\s*(is|are|was|were|do|does|did|has|have|"
            + "had|can|could|will|would|should|shall|may|might|must|isn't|aren't|wasn't|weren't|doesn't|didn't|"
            + "hasn't|haven't|won't)\\b");
    /** A claim about "he" or "she": who that is, the question says. */
    private static final Pattern PERSON_PRONOUN = Pattern.compile("^(?i)(he|she)\\b");

    private final Words words;
    private final NumberPairing numberPairing;
    /** The lower-case words of the articles: a capitalised one of them at a sentence's start is no name. */
    private final Set<String> commonWords;
    /** Every term of the articles: a name the question brings is no invention when the articles have it. */
    private final Set<String> articleTerms;
    private final Set<Passage> bestForQuestion;
    /** The people the articles name: "She said…" about Anand must not rest on what Carney said. */
    private final People people;

    /**
     * @param articles        the text of the articles the model read
     * @param bestForQuestion the sentences retrieval ranked first for the question: a claim resting on one of them
     *                        is about what was asked, however few of the question's words it repeats
     */
    SentenceVerifier(Words words, String articles, Set<Passage> bestForQuestion) {
        this.words = words;
        this.numberPairing = new NumberPairing(words);
        this.bestForQuestion = Set.copyOf(bestForQuestion);
        this.commonWords = Words.lowerCaseWords(articles);
        this.articleTerms = new HashSet<>(words.terms(articles));
        this.people = People.in(articles);
    }

    /**
     * As {@link #verify}, for a claim written after the model was pointed to two sentences: what the question
     * names must be in one of the sentences it cites. Pointed to two, the model joins their words into a claim
     * neither makes ("Did Xi also visit Ottawa?" got "Xi Jinping visited Ottawa during his four-day visit to
     * China", Xi from one sentence and Ottawa from another), and each name of it is then in a source. Its other
     * facts may still come from another sentence, as a first answer's may (a sum from one, who pays it from
     * another).
     */
    Verdict verifyAfterPointing(String claim, List<Attributor.Candidate> candidates, String question, String earlier,
                                DoubleSupplier similarity) {
        Verdict verdict = verify(claim, candidates, question, earlier, similarity);
        if (!verdict.isSupported()) {
            return verdict;
        }
        Set<String> claimed = words.facts(claim, commonWords);
        List<String> asked = words.facts(question, commonWords).stream().filter(claimed::contains).toList();
        boolean together = verdict.cited().stream().map(words::termsOf)
                .anyMatch(source -> asked.stream().allMatch(name -> Words.nameFoundIn(name, source)));
        return together ? verdict : Verdict.rejected("\"" + claim + "\" takes what the question names from "
                + "different sentences");
    }

    /**
     * @param claim      the written sentence, without markers
     * @param candidates what {@link Attributor} found for it, best first
     * @param question   what was asked, standing on its own
     * @param earlier    the conversation it follows up on, as retrieval searched it; empty for none
     * @param similarity how close the claim is to the question in meaning (computed only when needed)
     */
    Verdict verify(String claim, List<Attributor.Candidate> candidates, String question, String earlier,
                   DoubleSupplier similarity) {
        if (CODE.matcher(claim).find()) {
            return Verdict.rejected("\"" + claim + "\" is code, not an answer");
        }
        if (!addsToQuestion(claim, question)) {
            return restatedIn(claim, candidates, question).map(Verdict::quoting)
                    .orElseGet(() -> Verdict.rejected("\"" + claim + "\" does not answer the question"));
        }
        if (!ExpectedAnswerType.of(question).admits(claim)) {
            return Verdict.rejected("\"" + claim + "\" does not hold the kind of answer asked for");
        }
        if (candidates.isEmpty() || candidates.get(0).score() < MIN_MATCH) {
            return Verdict.unfounded("no sentence of the article supports \"" + claim + "\"");
        }
        List<Attributor.Candidate> cited = new ArrayList<>(List.of(candidates.get(0)));
        Optional<String> missing = missingFact(claim, question, cited);
        for (int i = 1; missing.isPresent() && i < candidates.size() && cited.size() < MAX_CITED; i++) {
            Attributor.Candidate next = candidates.get(i);
            if (next.score() >= MIN_EXTRA_MATCH && words.termsOf(next.passage()).contains(missing.get())
                    && (!words.isWhenOrHowMany(missing.get()) || sharesAWordBesidesFacts(claim, next.passage()))) {
                cited.add(next);
                missing = missingFact(claim, question, cited);
            }
        }
        if (missing.isPresent()) {
            return Verdict.unfounded("\"" + claim + "\" names " + missing.get() + ", which its sources do not");
        }
        Optional<String> someoneElse = saidOfSomeoneElse(claim, question, cited);
        if (someoneElse.isPresent()) {
            return Verdict.rejected(someoneElse.get());
        }
        Optional<String> mispaired = numberPairing.mispaired(claim,
                cited.stream().map(Attributor.Candidate::passage).toList());
        if (mispaired.isPresent()) {
            return Verdict.rejected(mispaired.get());
        }
        corroboration(cited, candidates).ifPresent(cited::add);
        Optional<String> notEntailed = notEntailed(claim, question, cited);
        if (notEntailed.isPresent()) {
            return Verdict.rejected(notEntailed.get());
        }
        if (!aboutTheQuestion(claim, cited, candidates, question, earlier, similarity)) {
            return Verdict.rejected("\"" + claim + "\" is true but answers another question");
        }
        return Verdict.supported(cited.stream().map(Attributor.Candidate::passage).toList());
    }

    /**
     * The first name of the question that the articles never mention, in any form. No answer to such a question
     * can pass: a claim must hold that name to be about the question, and may hold only names its sources hold.
     * So the model need not be asked "What did Carney say about Mexico?" or "Who won the FIFA World Cup?" of an
     * article that has neither. Numbers are left to the model and the checks: "(asked 3 times)" is no topic.
     */
    Optional<String> unknownName(String question) {
        return words.facts(question, commonWords).stream()
                .filter(name -> !Words.isNumber(name) && !Words.nameFoundIn(name, articleTerms))
                .findFirst();
    }

    /**
     * The sentence retrieval ranked first for the question, when the claim rests on another that says the same:
     * "Canada aims to double trade with non-US partners" rests on Anand's words, and Carney's pledge of "doubling
     * exports to other markets", which retrieval found for "What is the plan for other markets?", says it too.
     */
    private Optional<Attributor.Candidate> corroboration(List<Attributor.Candidate> cited,
                                                         List<Attributor.Candidate> candidates) {
        if (cited.size() >= MAX_CITED || cited.stream().anyMatch(c -> bestForQuestion.contains(c.passage()))) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(c -> c.score() >= MIN_CORROBORATION && bestForQuestion.contains(c.passage()))
                .findFirst(); // none of the cited is among the best found, so this one is not cited yet
    }

    private boolean aboutTheQuestion(String claim, List<Attributor.Candidate> cited,
                                     List<Attributor.Candidate> candidates, String question,
                                     String earlier, DoubleSupplier similarity) {
        List<String> claimTerms = words.terms(claim);
        Set<String> said = termsOf(cited);
        said.addAll(claimTerms);
        Set<String> names = words.facts(question, commonWords);
        boolean unknownNameAnswered = names.stream().filter(n -> !Words.sameCountryIn(n, articleTerms))
                .allMatch(claimTerms::contains);
        String topic = question + "\n" + CitationMarkers.strip(earlier);
        List<String> asked = words.contentTerms(topic).stream()
                .filter(t -> !names.contains(t) && !t.chars().allMatch(Character::isDigit)).toList();
        boolean restsOnTheBestFound = cited.stream().anyMatch(c -> bestForQuestion.contains(c.passage()))
                || candidates.stream().anyMatch(c -> c.score() >= MIN_MATCH && bestForQuestion.contains(c.passage()));
        return unknownNameAnswered && (asked.isEmpty() || restsOnTheBestFound
                || asked.stream().anyMatch(t -> Words.foundIn(t, said))
                || similarity.getAsDouble() >= MIN_QUESTION_SIMILARITY);
    }

    /**
     * The first name or number of the claim that none of its sources holds. One the question brought along
     * ("How did the Canadian leader describe…" answered "The Canadian leader described…") is no invention when
     * the articles have it somewhere; one they never mention is.
     */
    private Optional<String> missingFact(String claim, String question, List<Attributor.Candidate> cited) {
        Set<String> evidence = termsOf(cited);
        Set<String> asked = new HashSet<>(words.terms(question));
        for (String fact : words.facts(claim, commonWords)) {
            boolean number = fact.chars().anyMatch(Character::isDigit);
            // numbers must match exactly: a related form of "20" is no evidence for it
            boolean cites = number ? evidence.contains(fact) : Words.nameFoundIn(fact, evidence);
            boolean echoed = asked.contains(fact) && Words.sameCountryIn(fact, articleTerms);
            if (!cites && !echoed) {
                return Optional.of(fact);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a sentence cited for a claim's number or day is about what the claim says of it: a word of the
     * claim that is no name or number is in it too. Asked on which day Carney held talks with Xi, "Carney held
     * talks with President Xi Jinping on Wednesday" may not take "talks with President Xi Jinping" from one
     * sentence (talks on Friday) and "Wednesday" from another ("Carney's visit, which began on Wednesday"), for
     * the day is then the visit's, not the talks'.
     */
    private boolean sharesAWordBesidesFacts(String claim, Passage source) {
        Set<String> facts = words.facts(claim, commonWords);
        Set<String> sourceTerms = words.termsOf(source);
        return words.contentTerms(claim).stream().filter(t -> !facts.contains(t)).anyMatch(sourceTerms::contains);
    }

    /**
     * Why a claim about "he" or "she" rests on what sentences say of someone else, if it does: asked "Was Anita
     * Anand in Beijing, and what did she say?", "She said Canada was entering a new phase" may not cite "Carney
     * said Canada was entering a new phase". The pronoun is the one person the question names; a source that
     * names people must name that one. A source that names nobody ("He referred to their meeting…") says
     * nothing either way.
     */
    private Optional<String> saidOfSomeoneElse(String claim, String question, List<Attributor.Candidate> cited) {
        List<String> asked = people.mentionedIn(question);
        if (!PERSON_PRONOUN.matcher(claim).lookingAt() || asked.size() != 1) {
            return Optional.empty();
        }
        List<String> named = new ArrayList<>();
        cited.forEach(c -> people.mentionedIn(c.passage().text()).stream()
                .filter(p -> !named.contains(p)).forEach(named::add));
        if (named.isEmpty() || named.contains(asked.get(0))) {
            return Optional.empty();
        }
        return Optional.of("\"" + claim + "\" says of " + asked.get(0) + " what its sources say of "
                + String.join(" and ", named));
    }

    /** Every term of the cited sentences. */
    private Set<String> termsOf(List<Attributor.Candidate> cited) {
        Set<String> terms = new HashSet<>();
        cited.forEach(c -> terms.addAll(words.termsOf(c.passage())));
        return terms;
    }

    /**
     * Why the sources do not say what the claim says, if they do not: too few of its own words are theirs for
     * how far its meaning is from them, or one denies what the other asserts.
     */
    private Optional<String> notEntailed(String claim, String question, List<Attributor.Candidate> cited) {
        Set<String> asked = new HashSet<>(words.contentTerms(question));
        List<String> own = words.contentTerms(claim).stream().filter(t -> !Words.foundIn(t, asked)).toList();
        Set<String> evidence = termsOf(cited);
        long held = own.stream().filter(t -> Words.foundIn(t, evidence)).count();
        double coverage = own.isEmpty() ? 1 : (double) held / own.size();
        double similarity = cited.stream().mapToDouble(Attributor.Candidate::semantic).max().orElse(0);
        boolean entailed = coverage >= MIN_COVERAGE
                || (coverage >= PARAPHRASE_COVERAGE && similarity >= PARAPHRASE_SIMILARITY);
        if (!entailed) {
            return Optional.of(String.format(Locale.ROOT, "its sources do not say \"%s\" (%.0f%% of its words, "
                    + "similarity %.2f)", claim, 100 * coverage, similarity));
        }
        boolean claimDenies = words.negated(claim);
        boolean sourcesDeny = cited.stream().anyMatch(c -> words.negated(c.passage().text()));
        if (claimDenies && !sourcesDeny) {
            return Optional.of("\"" + claim + "\" denies what its sources assert");
        }
        return Optional.empty();
    }

    /**
     * The article sentence that says what a restated yes-or-no question says, if one does. "Did the council
     * approve the barrier?" answered "(Yes,) the council approved the barrier." checks nothing by itself: its words
     * would be found whether or not it is true ("the gate design is finalised" is in "…before the gate design is
     * finalised"). The one sentence that holds all of them, with the same polarity, is shown instead, in its own
     * words, and the reader sees what the article says.
     */
    private Optional<Passage> restatedIn(String claim, List<Attributor.Candidate> candidates, String question) {
        List<String> said = words.contentTerms(claim);
        if (!YES_NO_QUESTION.matcher(question).lookingAt() || said.isEmpty() || candidates.isEmpty()
                || candidates.get(0).score() < MIN_MATCH) {
            return Optional.empty();
        }
        Passage best = candidates.get(0).passage();
        Set<String> terms = words.termsOf(best);
        boolean holdsAll = said.stream().allMatch(t -> Words.foundIn(t, terms));
        boolean samePolarity = words.negated(claim) == words.negated(best.text());
        return holdsAll && samePolarity ? Optional.of(best) : Optional.empty();
    }

    /** An answer says something the question did not: a sentence that only restates or asks it is no answer. */
    private boolean addsToQuestion(String claim, String question) {
        if (claim.replaceAll("[\"”’')\\]]+$", "").endsWith("?")) {
            return false;
        }
        Set<String> asked = new HashSet<>(words.terms(question));
        return words.contentTerms(claim).stream().anyMatch(t -> !Words.foundIn(t, asked));
    }
}
