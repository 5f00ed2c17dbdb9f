package dev.articlechat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.answer.Answer;
import dev.articlechat.answer.AnswerListener;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.GenerationsBusyException;
import dev.articlechat.answer.Source;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible surface, so that existing OpenAI clients and chat UIs can talk to the bot:
 * {@code POST /v1/chat/completions}, whole or streamed, {@code GET /v1/models} and {@code GET /v1/models/{id}}. Whatever model a client
 * names, the bot answers; the verified citations travel in a {@code citations} field beside the choices.
 */
final class ChatCompletionsController {

    static final String MODEL_ID = "article-chat";

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsController.class);

    private final AnswerService answers;
    private final StrictJson requests;
    private final EventStreams streams;
    private final ChatCompletionJson format;

    ChatCompletionsController(AnswerService answers, ObjectMapper json, EventStreams streams,
                              ToIntFunction<String> tokens) {
        this.answers = answers;
        this.requests = new StrictJson(json);
        this.streams = streams;
        this.format = new ChatCompletionJson(json, tokens);
    }

    /** {@code article-chat} answers from every article, {@code article-chat:<id>} from that one alone. */
    void models(Context ctx) {
        List<Map<String, Object>> models = new ArrayList<>();
        models.add(model(MODEL_ID));
        answers.corpus().articles().forEach(article -> models.add(model(modelName(Optional.of(article.id())))));
        ctx.json(Map.of("object", "list", "data", models));
    }

    /** One model of {@link #models}, as OpenAI's {@code models.retrieve} asks for it; any other name is a 404. */
    void model(Context ctx) {
        String id = ctx.pathParam("id");
        boolean known = id.equals(MODEL_ID) || (id.startsWith(MODEL_ID + ":")
                && answers.corpus().article(id.substring(MODEL_ID.length() + 1)).isPresent());
        if (!known) {
            throw new NotFoundResponse("No model has the id \"" + id + "\"; GET /v1/models lists them.");
        }
        ctx.json(model(id));
    }

    /** The model that answers from one article, or from every article: as listed, and as named in answers. */
    static String modelName(Optional<String> articleId) {
        return articleId.map(id -> MODEL_ID + ":" + id).orElse(MODEL_ID);
    }

    private static Map<String, Object> model(String id) {
        return Map.of("id", id, "object", "model", "created", 0, "owned_by", MODEL_ID);
    }

    void complete(Context ctx) throws IOException {
        AskController.requireJson(ctx);
        ChatCompletionRequest request = ChatCompletionRequest.read(requests, ctx.body());
        answers.requireArticle(request.question());
        if (!request.stream()) {
            ctx.json(format.completion(request.question(), answers.ask(request.question())));
            return;
        }
        String id = ChatCompletionJson.newId();
        try (EventStream events = streams.open(ctx.res())) {
            StringBuilder streamed = new StringBuilder();
            try {
                Answer answer = answers.ask(request.question(), new AnswerListener() {
                    @Override
                    public void sources(String query, List<Source> sources) {
                        // the first chunk waits for the question to be let in, so that a busy server can still answer 503
                        events.sendData("data: " + format.chunk(id, request.question(), "", null));
                    }

                    @Override
                    public void token(String text) {
                        streamed.append(text);
                        events.sendData("data: " + format.chunk(id, request.question(), text, null));
                    }

                    @Override
                    public boolean cancelled() {
                        return events.gone();
                    }
                });
                String rest = rest(streamed.toString(), answer);
                events.sendData("data: " + format.chunk(id, request.question(), rest, null));
                events.sendData("data: " + format.lastChunk(id, request.question(), streamed + rest, answer));
            } catch (GenerationsBusyException e) {
                if (!ctx.res().isCommitted()) {
                    throw e;
                }
                events.sendData("data: " + format.error(HttpStatus.SERVICE_UNAVAILABLE.getCode(), e.getMessage()));
            } catch (RuntimeException e) {
                log.error("Answering failed while streaming a chat completion", e);
                events.sendData("data: " + format.error(HttpStatus.INTERNAL_SERVER_ERROR.getCode(),
                        "Something went wrong on our side; the error has been logged."));
            }
            events.sendData("data: [DONE]");
        }
    }

    /**
     * What follows the streamed text: the sources list, after the whole verified answer again when the
     * streamed text was replaced by a fallback, since a chat client cannot take back what it was sent.
     */
    private static String rest(String streamed, Answer answer) {
        if (streamed.equals(answer.answer())) {
            return ChatCompletionText.sources(answer);
        }
        return "\n\n(Corrected: the text above could not be verified against the article.)\n\n"
                + ChatCompletionText.of(answer);
    }
}
