package dev.articlechat.answer.check;

import dev.articlechat.ingest.WordList;
import java.util.Optional;
import java.util.Set;

/**
 * Every word the claim shares with the question is in the sentences it cites. A question's premise is no
 * evidence: asked "Terra preta is spread over a small area of what?", "It is spread over a small area of the
 * forest" citing "…spread over large areas of the forest" repeats the premise's "small", which no source holds.
 * Words that only frame a question ("What is the name of…", "What type of…") may be repeated freely
 * ({@code question-frame.txt}).
 */
final class PremiseHeld implements SentenceCheck {

    /** A number as it is; a name in any of its forms ("American" for the article's "US"); a word or its relatives. */
    private static boolean held(String term, Claim claim, Set<String> evidence) {
        if (Words.isNumber(term)) {
            return evidence.contains(term);
        }
        return claim.facts.contains(term) ? Words.nameFoundIn(term, evidence) : Words.foundIn(term, evidence);
    }

    private static final Set<String> FRAME = WordList.load(PremiseHeld.class, "question-frame.txt");

    @Override
    public String name() {
        return "premise-held";
    }

    @Override
    public String reason() {
        return "a claim repeating a false premise of the question passes every check that the question's words satisfy";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        Set<String> evidence = claim.termsOf(claim.cited());
        return claim.contentTerms.stream()
                .filter(t -> claim.questionTerms.contains(t) && !FRAME.contains(t))
                .filter(t -> !held(t, claim, evidence))
                .findFirst()
                .map(t -> Verdict.rejected(name(), claim.quoted() + " takes \"" + t
                        + "\" from the question, and its sources do not say it"));
    }
}
