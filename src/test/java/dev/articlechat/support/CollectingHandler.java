package dev.articlechat.support;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Collects what a streaming chat model sends: the pieces, when the first came, and how it ended. */
public final class CollectingHandler implements StreamingChatResponseHandler {

    private final List<String> pieces = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    private volatile long firstPieceNanos;

    @Override
    public void onPartialResponse(String piece) {
        if (pieces.isEmpty()) {
            firstPieceNanos = System.nanoTime();
        }
        pieces.add(piece);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    public List<String> pieces() {
        return pieces;
    }

    /** {@link System#nanoTime()} when the first piece arrived; 0 if none did. */
    public long firstPieceNanos() {
        return firstPieceNanos;
    }

    public CompletableFuture<ChatResponse> done() {
        return done;
    }

    public ChatResponse await(long seconds) throws Exception {
        return done.get(seconds, TimeUnit.SECONDS);
    }
}
