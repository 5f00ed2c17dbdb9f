package dev.articlechat.slack;

import dev.articlechat.answer.Question;
import dev.articlechat.answer.write.Answerer;
import dev.articlechat.answer.write.Draft;
import dev.articlechat.answer.write.DraftSink;
import dev.articlechat.answer.write.ExtractiveAnswerer;
import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.support.TestApp;
import java.time.Duration;

/** Language models that misbehave the way real ones do: slowly, or by failing outright. */
final class FakeModels {

    private FakeModels() {
    }

    /** The extractive answer, late: a language model on a busy machine. */
    static Answerer slow(Duration delay) {
        Answerer extractive = new ExtractiveAnswerer(TestApp.shared().answers().refusal());
        return new Answerer() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public Draft draft(Question question, Retrieval retrieval, DraftSink sentences) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return extractive.draft(question, retrieval, sentences);
            }
        };
    }

    /** A failure the answering service does not expect, so it reaches the adapter. */
    static Answerer broken(String why) {
        return new Answerer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Draft draft(Question question, Retrieval retrieval, DraftSink sentences) {
                throw new IllegalStateException(why);
            }
        };
    }
}
