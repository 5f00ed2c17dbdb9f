package dev.articlechat.retrieve;

/**
 * What to search for: the question itself, and optional context from earlier turns of the conversation
 * that fills in what a follow-up leaves out ("Where had they met before?").
 */
public record RetrievalQuery(String question, String context) {

    public RetrievalQuery {
        context = context == null ? "" : context;
    }

    public static RetrievalQuery of(String question) {
        return new RetrievalQuery(question, "");
    }

    public boolean hasContext() {
        return !context.isBlank();
    }
}
