package dev.articlechat.model;

import dev.langchain4j.model.chat.ChatModel;

/**
 * A chat model ready to answer, with the name users see ("local:model.gguf", "openai:gpt-4o-mini").
 * {@link #close()} frees what an in-process model holds.
 */
public record LanguageModel(String name, ChatModel chat, AutoCloseable resources) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
