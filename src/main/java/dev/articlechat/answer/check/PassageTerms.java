package dev.articlechat.answer.check;

import dev.articlechat.ingest.Passage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The analysed terms of article sentences, kept for the sentences asked about most recently: a sentence is
 * matched against many questions and written sentences, and analysing it once is enough. Bounded, since a
 * newsroom's archive has hundreds of thousands of sentences and only some are asked about. Keyed by the passage
 * itself, not its id, which is unique only within its article.
 */
public final class PassageTerms {

    /** A few hundred articles' sentences: a few megabytes. */
    private static final int MAX_PASSAGES = 20_000;

    private final Function<String, List<String>> analyse;
    private final Map<Passage, Set<String>> terms = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Passage, Set<String>> eldest) {
                    return size() > MAX_PASSAGES;
                }
            });

    /** @param analyse how a sentence's text becomes terms */
    public PassageTerms(Function<String, List<String>> analyse) {
        this.analyse = analyse;
    }

    public Set<String> of(Passage passage) {
        Set<String> known = terms.get(passage);
        if (known == null) {
            known = Set.copyOf(analyse.apply(passage.text()));
            terms.put(passage, known);
        }
        return known;
    }
}
