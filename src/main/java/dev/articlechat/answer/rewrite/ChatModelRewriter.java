package dev.articlechat.answer.rewrite;

import dev.articlechat.answer.ConversationContext;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.Turn;
import dev.articlechat.answer.write.AnswererException;
import dev.articlechat.answer.write.CitationMarkers;
import dev.articlechat.answer.write.ModelOutput;
import dev.articlechat.answer.write.TimedModelCall;
import dev.articlechat.retrieve.RetrievalQuery;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites follow-ups with the language model, which understands "it" and "and the tariffs?" better than
 * rules do. Only questions the rules see pointing back are sent (a change of topic costs no model time), and
 * a rewrite is used only if it is one question, keeps the question's own words, and names nothing the
 * conversation did not: otherwise the rules' rewrite stands.
 */
public final class ChatModelRewriter implements QuestionRewriter {

    /** A standalone question is short; a model that writes more is answering instead of rewriting. */
    static final int MAX_TOKENS = 48;

    private static final Logger log = LoggerFactory.getLogger(ChatModelRewriter.class);
    private static final String INSTRUCTIONS = """
            Rewrite the user's last question so that it can be understood without the conversation. Replace \
            pronouns such as he, she, they, it and there with what they refer to, and complete questions such \
            as "And the tariffs?". Keep the question's meaning. Do not answer it. Reply with the rewritten \
            question only.""";
    /** Names and numbers: digits, or a capitalised word that does not start the question. */
    private static final Pattern FACT = Pattern.compile("(?<=\\S\\s)\\p{Lu}[\\p{L}\\-]+|\\d[\\d.,]*");
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

    private final ChatModel model;
    private final RuleRewriter rules;
    private final Duration timeout;
    private final ExecutorService calls;

    /** @param calls runs the model's calls, so that the asking thread can time them out */
    ChatModelRewriter(ChatModel model, RuleRewriter rules, Duration timeout, ExecutorService calls) {
        this.calls = calls;
        this.model = model;
        this.rules = rules;
        this.timeout = timeout;
    }

    @Override
    public StandaloneQuestion rewrite(Question question) {
        StandaloneQuestion byRule = rules.rewrite(question);
        if (!byRule.followsUp()) {
            return byRule;
        }
        String rewritten = ModelOutput.clean(ask(question)).strip();
        String problem = problemWith(rewritten, question);
        if (problem != null) {
            log.debug("Keeping the rules' rewrite of \"{}\": the model's \"{}\" {}", question.text(), rewritten,
                    problem);
            return byRule;
        }
        // as with the rules' rewrite, what was filled in is searched as context (see RuleRewriter)
        return new StandaloneQuestion(rewritten, rewritten,
                new RetrievalQuery(byRule.search().question(), rewritten + " " + byRule.search().context()));
    }

    private String ask(Question question) {
        StringBuilder conversation = new StringBuilder("Conversation:\n");
        List<Turn> history = question.history();
        for (Turn turn : history.subList(Math.max(0, history.size() - ConversationContext.TURNS), history.size())) {
            conversation.append(turn.fromUser() ? "User: " : "Assistant: ")
                    .append(CitationMarkers.strip(turn.content()).strip()).append('\n');
        }
        conversation.append("\nLast question: ").append(question.text().strip()).append("\n\nRewritten question:");
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(conversation.toString()))
                .maxOutputTokens(MAX_TOKENS)
                .build();
        try {
            String text = TimedModelCall.chat(calls, model, request, timeout).aiMessage().text();
            return text == null ? "" : text;
        } catch (AnswererException e) {
            log.info("Rewriting \"{}\" with the model failed ({}); using the rules' rewrite", question.text(),
                    e.getMessage());
            return "";
        }
    }

    /** Why a rewrite cannot be used, or null if it can. */
    static String problemWith(String rewritten, Question question) {
        if (rewritten.isEmpty() || !rewritten.endsWith("?") || rewritten.indexOf('?') != rewritten.length() - 1) {
            return "is not one question";
        }
        if (rewritten.length() > 3 * question.text().length() + 120) {
            return "is too long";
        }
        if (RuleRewriter.pointsBack(rewritten)) {
            return "still points back";
        }
        String conversation = (ConversationContext.lastExchange(question) + " " + question.text())
                .toLowerCase(Locale.ROOT);
        Matcher fact = FACT.matcher(rewritten);
        while (fact.find()) {
            if (!conversation.contains(fact.group().toLowerCase(Locale.ROOT))) {
                return "names " + fact.group() + ", which the conversation does not";
            }
        }
        String lower = rewritten.toLowerCase(Locale.ROOT);
        Matcher word = WORD.matcher(question.text().toLowerCase(Locale.ROOT));
        while (word.find()) {
            if (!RuleRewriter.POINTING.contains(word.group()) && !lower.contains(word.group())) {
                return "drops \"" + word.group() + "\"";
            }
        }
        return null;
    }
}
