package dev.articlechat.answer;

import dev.articlechat.answer.write.DraftSink;
import dev.articlechat.retrieve.RetrievedPassage;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes a draft on to a listener sentence by sentence, each one verified and renumbered exactly as the final
 * answer will be. Renumbering runs in order of first use, so the verified text of the first sentences is a
 * prefix of the verified text of all of them, and the pieces sent add up to the final answer.
 */
final class StreamedText implements DraftSink {

    private static final Logger log = LoggerFactory.getLogger(StreamedText.class);

    private final CitationVerifier verifier;
    private final List<RetrievedPassage> sources;
    private final AnswerListener listener;
    private final List<String> sentences = new ArrayList<>();
    private String sent = "";

    StreamedText(CitationVerifier verifier, List<RetrievedPassage> sources, AnswerListener listener) {
        this.verifier = verifier;
        this.sources = sources;
        this.listener = listener;
    }

    @Override
    public void sentence(String sentence) {
        sentences.add(sentence);
        String verified = verifier.verify(String.join(" ", sentences), sources).text();
        if (!verified.startsWith(sent)) {
            log.warn("Verified text is no longer a prefix of what was streamed; the final answer replaces it");
            return;
        }
        String piece = verified.substring(sent.length());
        sent = verified;
        if (!piece.isEmpty()) {
            listener.token(piece);
        }
    }

    @Override
    public boolean cancelled() {
        return listener.cancelled();
    }

    /** Sends the answer's text when none of it was streamed: a refusal, or a fallback before any sentence. */
    void finish(Answer answer) {
        if (sent.isEmpty() && !answer.answer().isEmpty()) {
            sent = answer.answer();
            listener.token(sent);
        }
    }
}
