package dev.articlechat.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * A chat model ready to answer, whole or streamed, with the name users see ("local:model.gguf",
 * "openai:gpt-4o-mini"). {@link #close()} frees what an in-process model holds.
 */
public record LanguageModel(String name, ChatModel chat, StreamingChatModel streaming, AutoCloseable resources)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
