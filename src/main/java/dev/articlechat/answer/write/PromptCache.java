package dev.articlechat.answer.write;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which prompts an in-process model holds read, as llama.cpp keeps them: one per slot, and a prompt that shares
 * little with every slot's goes to the slot used longest ago. Bounded the same way, least recently used first
 * out, so that a question about an article that fell out is known to need reading again. It outlives
 * re-indexes, as the model does: an article that did not change keeps its place.
 */
public final class PromptCache {

    private final Map<String, ModelAnswerer.Cache> prompts;

    /** @param capacity how many prompts the model keeps read at once (its slots) */
    public PromptCache(int capacity) {
        this.prompts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ModelAnswerer.Cache> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized ModelAnswerer.Cache state(ArticlePrompt.Material material) {
        return prompts.getOrDefault(key(material), ModelAnswerer.Cache.COLD);
    }

    /** Marks a cold prompt as being read; false when it is read or being read already. */
    synchronized boolean claim(ArticlePrompt.Material material) {
        if (state(material) != ModelAnswerer.Cache.COLD) {
            return false;
        }
        prompts.put(key(material), ModelAnswerer.Cache.WARMING);
        return true;
    }

    synchronized void read(ArticlePrompt.Material material) {
        prompts.put(key(material), ModelAnswerer.Cache.WARM);
    }

    synchronized void forget(ArticlePrompt.Material material) {
        prompts.remove(key(material));
    }

    /** The prompt's identity: which prefix, and its exact text (an edited article is read anew). */
    private static String key(ArticlePrompt.Material material) {
        return material.prefix() + "\u0000" + material.text().length() + "\u0000" + material.text().hashCode();
    }
}
