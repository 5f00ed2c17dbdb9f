package dev.articlechat.answer.check;

import dev.articlechat.ingest.Passage;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the checks know of the articles the model read and of where retrieval found the answer, analysed once
 * per question.
 */
public final class ReadArticles {

    final Words words;
    /** The lower-case words of the articles: a capitalised one of them at a sentence's start is no name. */
    final Set<String> commonWords;
    /** Every term of the articles. */
    final Set<String> articleTerms;
    /** The people the articles name: "She said…" about Anand must not rest on what Carney said. */
    final People people;
    /** The sentences retrieval ranked first for the question. */
    final Set<Passage> bestForQuestion;

    /**
     * @param articles        the text of the articles the model read
     * @param bestForQuestion the sentences retrieval ranked first for the question: a claim resting on one of them
     *                        is about what was asked, however few of the question's words it repeats
     */
    public ReadArticles(Words words, String articles, Set<Passage> bestForQuestion) {
        this.words = words;
        this.bestForQuestion = Set.copyOf(bestForQuestion);
        this.commonWords = Words.lowerCaseWords(articles);
        this.articleTerms = new HashSet<>(words.terms(articles));
        this.people = People.in(articles);
    }

    /** The sentences retrieval ranked first for the question. */
    public Set<Passage> bestForQuestion() {
        return bestForQuestion;
    }

    /**
     * The first name of the question that the articles never mention, in any form: the name itself, a form of it
     * ("Canadian" for Canada), or the country it is the adjective of. Numbers are left to the model and the
     * checks: "(asked 3 times)" is no topic.
     */
    public Optional<String> unknownName(String question) {
        return words.facts(question, commonWords).stream()
                .filter(name -> !Words.isNumber(name) && !Words.nameFoundIn(name, articleTerms))
                .findFirst();
    }
}
