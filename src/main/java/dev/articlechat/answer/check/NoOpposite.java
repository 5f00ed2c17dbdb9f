package dev.articlechat.answer.check;

import dev.articlechat.ingest.WordList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claim does not fill a slot with the opposite of what its sources say: "small" where they say "large",
 * "rose" where they say "fell", "before" where they say "after". Pairs of opposites are data
 * ({@code opposites.txt}); a claim's word counts as the opposite of its source's only when the source does not
 * hold the claim's word too.
 */
final class NoOpposite implements SentenceCheck {

    /** Each analysed term to its opposites'. */
    private static final Map<String, Set<String>> OPPOSITES = load(new Words());

    @Override
    public String name() {
        return "no-opposite";
    }

    @Override
    public String reason() {
        return "a claim saying the opposite of its source shares most of its words, so coverage alone passes it";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        Set<String> evidence = claim.termsOf(claim.cited());
        for (String term : claim.terms) {
            Set<String> opposites = OPPOSITES.getOrDefault(term, Set.of());
            if (evidence.contains(term) || opposites.isEmpty()) {
                continue;
            }
            Optional<String> said = opposites.stream()
                    .filter(o -> evidence.contains(o) && !claim.terms.contains(o)).findFirst();
            if (said.isPresent()) {
                return Optional.of(Verdict.rejected(name(), claim.quoted() + " says " + term + " where its sources say "
                        + said.get()));
            }
        }
        return Optional.empty();
    }

    private static Map<String, Set<String>> load(Words words) {
        Map<String, Set<String>> opposites = new HashMap<>();
        for (String pair : WordList.lines(NoOpposite.class, "opposites.txt")) {
            String[] sides = pair.split("\\s+");
            List<String> left = words.terms(sides[0]);
            List<String> right = words.terms(sides[1]);
            if (left.size() == 1 && right.size() == 1) {
                opposites.computeIfAbsent(left.get(0), k -> new java.util.HashSet<>()).add(right.get(0));
                opposites.computeIfAbsent(right.get(0), k -> new java.util.HashSet<>()).add(left.get(0));
            }
        }
        return opposites;
    }
}
