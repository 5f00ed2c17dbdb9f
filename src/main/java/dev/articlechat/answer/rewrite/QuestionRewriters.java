package dev.articlechat.answer.rewrite;

import dev.articlechat.answer.check.People;
import dev.articlechat.ingest.Corpus;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** Chooses how follow-ups are rewritten: by the language model when there is one, else by rule. */
public final class QuestionRewriters {

    /** The rules' rewrite is good enough that a user should not wait longer than this for a better one. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private QuestionRewriters() {
    }

    /** @param calls runs the model's calls (the composition root owns it and closes it on stop) */
    public static QuestionRewriter forModel(Optional<ChatModel> model, Corpus corpus, Duration timeout,
                                            ExecutorService calls) {
        RuleRewriter rules = byRule(corpus);
        Duration rewriteTimeout = timeout.compareTo(MAX_WAIT) < 0 ? timeout : MAX_WAIT;
        return model.<QuestionRewriter>map(chat -> new ChatModelRewriter(chat, rules, rewriteTimeout, calls)).orElse(rules);
    }

    public static RuleRewriter byRule(Corpus corpus) {
        return new RuleRewriter(People.of(corpus));
    }
}
