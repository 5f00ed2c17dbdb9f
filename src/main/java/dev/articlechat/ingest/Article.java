package dev.articlechat.ingest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cleaned article: its title, its body text with web-page leftovers removed, and its sentence passages.
 * Passage offsets point into {@link #text()}.
 */
public record Article(String id, String title, String text, List<Passage> passages, Set<String> quarantined) {

    /**
     * @param quarantined the ids of the passages addressed to an assistant ({@link InjectedInstructions}): kept
     *                    in the text and its offsets, never given to a model, retrieved or cited
     */
    public Article {
        passages = List.copyOf(passages);
        quarantined = Set.copyOf(quarantined);
    }

    /** An article whose passages addressed to an assistant are found and quarantined. */
    public Article(String id, String title, String text, List<Passage> passages) {
        this(id, title, text, passages, passages.stream()
                .filter(p -> InjectedInstructions.addressesAnAssistant(p.text()))
                .map(Passage::id).collect(Collectors.toSet()));
    }

    /** True for a passage that is an instruction to an assistant, not the article's reporting. */
    public boolean isQuarantined(Passage passage) {
        return passage.articleId().equals(id) && quarantined.contains(passage.id());
    }

    /** The passages a model may read and an answer may cite. */
    public List<Passage> readable() {
        return quarantined.isEmpty() ? passages : passages.stream().filter(p -> !isQuarantined(p)).toList();
    }

    /** The passage with this id ("p3"), which is the article's third. */
    public Optional<Passage> passage(String passageId) {
        if (!passageId.matches("p[1-9]\\d{0,8}")) {
            return Optional.empty();
        }
        int ordinal = Integer.parseInt(passageId.substring(1)) - 1;
        return ordinal < passages.size() ? Optional.of(passages.get(ordinal)) : Optional.empty();
    }
}
