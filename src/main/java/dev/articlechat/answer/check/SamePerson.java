package dev.articlechat.answer.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a claim says of a person rests on a sentence about that person, not on one about someone else with the
 * person's name found in a second sentence. The person is the one the claim names (when it names one), or, for
 * "he" or "she", the one the question names. "Anand said Canada was entering a new phase" may not rest on
 * "Carney said Canada was entering a new phase" with Anand taken from another sentence; nor "She said…", asked
 * about Anand. A source that names nobody ("He referred to their meeting…") says nothing either way.
 */
final class SamePerson implements SentenceCheck {

    private static final Pattern PERSON_PRONOUN = Pattern.compile("^(?i)(he|she)\\b");

    @Override
    public String name() {
        return "same-person";
    }

    @Override
    public String reason() {
        return "every name of the claim can be in its sources while what it says of one was said of another";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        People people = claim.read.people;
        List<String> inClaim = people.mentionedIn(claim.text);
        List<String> asked = people.mentionedIn(claim.question);
        if (PERSON_PRONOUN.matcher(claim.text).lookingAt() && asked.size() == 1) {
            // "she" may rest on any cited sentence about her, or on sentences that name nobody
            List<String> named = new ArrayList<>();
            claim.cited().forEach(c -> people.mentionedIn(c.passage().text()).stream()
                    .filter(p -> !named.contains(p)).forEach(named::add));
            return named.isEmpty() || named.contains(asked.get(0)) ? Optional.empty()
                    : Optional.of(saidOfAnother(claim, asked.get(0), named));
        }
        if (inClaim.size() != 1 || claim.sources().isEmpty()) {
            return Optional.empty();
        }
        // the claim's own words come from its best source: that one must be about the person it names
        List<String> named = people.mentionedIn(claim.sources().get(0).passage().text());
        return named.isEmpty() || named.contains(inClaim.get(0)) ? Optional.empty()
                : Optional.of(saidOfAnother(claim, inClaim.get(0), named));
    }

    private Verdict saidOfAnother(Claim claim, String person, List<String> named) {
        return Verdict.rejected(name(), claim.quoted() + " says of " + person + " what its sources say of "
                + String.join(" and ", named));
    }
}
