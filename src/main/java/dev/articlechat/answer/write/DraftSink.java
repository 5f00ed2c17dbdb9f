package dev.articlechat.answer.write;

/** Takes a draft's sentences as an answerer finishes them, before the whole draft is done. */
public interface DraftSink {

    DraftSink NONE = sentence -> {
    };

    /** One finished sentence, with its {@code [n]} markers; the draft's text is these, joined by spaces. */
    void sentence(String sentence);

    /** True when nobody wants the rest: the answerer may stop writing. */
    default boolean cancelled() {
        return false;
    }
}
