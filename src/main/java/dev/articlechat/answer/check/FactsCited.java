package dev.articlechat.answer.check;

import java.util.Optional;

/**
 * Every name and number of the claim is in a sentence it cites, as analysed tokens ("20 percent" does not pass
 * against "2018"; "Canadian" passes against "Canada"). One the question brought is no exception: the question
 * is no evidence.
 */
final class FactsCited implements SentenceCheck {

    @Override
    public String name() {
        return "facts-cited";
    }

    @Override
    public String reason() {
        return "a name or number its sources lack was invented, or taken from the question's premise";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        return SourceSelection.missingFact(claim, claim.sources())
                .map(fact -> Verdict.unfounded(name(), claim.quoted() + " names " + fact + ", which its sources do not"));
    }
}
