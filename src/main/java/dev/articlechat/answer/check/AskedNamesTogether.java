package dev.articlechat.answer.check;

import java.util.List;
import java.util.Optional;

/**
 * For a claim written after the model was pointed to two sentences: what the question names is in one of the
 * sentences it cites. Pointed to two, the model joins their words into a claim neither makes ("Did Xi also visit
 * Ottawa?" got "Xi Jinping visited Ottawa during his four-day visit to China", Xi from one sentence and Ottawa
 * from another). Its other facts may still come from another sentence, as a first answer's may.
 */
final class AskedNamesTogether implements SentenceCheck {

    @Override
    public String name() {
        return "asked-names-together";
    }

    @Override
    public String reason() {
        return "pointed to two sentences, a small model joins them into a claim neither makes";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        List<String> asked = claim.questionFacts.stream().filter(claim.facts::contains).toList();
        boolean together = claim.cited().stream().map(c -> claim.read.words.termsOf(c.passage()))
                .anyMatch(source -> asked.stream().allMatch(name -> Words.nameFoundIn(name, source)));
        return together ? Optional.empty() : Optional.of(Verdict.rejected(name(), claim.quoted()
                + " takes what the question names from different sentences"));
    }
}
