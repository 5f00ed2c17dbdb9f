package dev.articlechat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Response;
import org.slf4j.LoggerFactory;

/**
 * The Slack calls the bot makes, through the SDK, each retried as the policy allows. Every failure arrives as
 * a {@link SlackCallFailed}, after its retries.
 */
final class SlackWebApi implements AutoCloseable {

    /** The bot's identity in its workspace, to tell its own messages from others'. */
    record Identity(String userId, String botId) {
    }

    interface MethodCall<T> {
        T run(MethodsClient methods) throws IOException, SlackApiException;
    }

    /** {@code ok: false} errors that say "later" rather than "never". */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");
    /** One page, oldest first: only a thread longer than this would lose its latest turns from the history. */
    private static final int THREAD_PAGE = 200;

    private final Slack slack;
    private final MethodsClient methods;
    private final RetryingCaller retrying;

    SlackWebApi(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setStatsEnabled(false); // its metrics call auth.test behind our back and run threads of their own
        if (settings.webApiUrl() != null) {
            config.setMethodsEndpointUrlPrefix(settings.webApiUrl());
        }
        this.slack = Slack.getInstance(config);
        this.methods = slack.methods(settings.botToken());
        this.retrying = new RetryingCaller(settings.retry());
    }

    Identity identity() {
        AuthTestResponse me = call("auth.test", m -> m.authTest(r -> r));
        return new Identity(me.getUserId(), me.getBotId());
    }

    List<Message> threadReplies(String channel, String threadTs) {
        return call("conversations.replies", m -> m.conversationsReplies(r -> r
                .channel(channel).ts(threadTs).limit(THREAD_PAGE))).getMessages();
    }

    void postInThread(String channel, String threadTs, SlackMessage message) {
        call("chat.postMessage", m -> m.chatPostMessage(r -> r
                .channel(channel).threadTs(threadTs).text(message.text()).blocks(message.blocks())
                .unfurlLinks(false).unfurlMedia(false)));
    }

    void addReaction(String channel, String ts, String name) {
        call("reactions.add", m -> m.reactionsAdd(r -> r.channel(channel).timestamp(ts).name(name)));
    }

    void removeReaction(String channel, String ts, String name) {
        call("reactions.remove", m -> m.reactionsRemove(r -> r.channel(channel).timestamp(ts).name(name)));
    }

    /** Posts to a slash command's {@code response_url}, which takes JSON and needs no token. */
    void respond(String responseUrl, String responseType, SlackMessage message) {
        SlashCommandResponse body = SlashCommandResponse.builder().responseType(responseType)
                .text(message.text()).blocks(message.blocks()).build();
        retrying.call("response_url", () -> {
            try (Response response = slack.getHttpClient().postJsonBody(responseUrl, body)) {
                if (!response.isSuccessful()) {
                    throw httpFailure("response_url", response.code(), response.header("Retry-After"), null);
                }
                return response.code();
            } catch (IOException e) {
                throw new SlackCallFailed("response_url: " + e.getMessage(), true, null, e);
            }
        });
    }

    /** Releases the SDK's HTTP client; a failure to do so is only logged, as the server is stopping anyway. */
    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(SlackWebApi.class).warn("Closing the Slack client failed: {}", e.getMessage());
        }
    }

    private <T extends SlackApiTextResponse> T call(String method, MethodCall<T> call) {
        return retrying.call(method, () -> {
            try {
                T response = call.run(methods);
                if (!response.isOk()) {
                    throw new SlackCallFailed(method + ": " + response.getError(),
                            TRANSIENT_ERRORS.contains(response.getError()),
                            retryAfter(header(response.getHttpResponseHeaders(), "retry-after")), null);
                }
                return response;
            } catch (SlackApiException e) {
                throw httpFailure(method, e.getResponse().code(), e.getResponse().header("Retry-After"), e);
            } catch (IOException e) {
                throw new SlackCallFailed(method + ": " + e.getMessage(), true, null, e);
            }
        });
    }

    private static SlackCallFailed httpFailure(String method, int status, String retryAfter, Exception cause) {
        boolean transientFailure = status == 429 || status >= 500;
        return new SlackCallFailed(method + ": HTTP " + status, transientFailure, retryAfter(retryAfter), cause);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        List<String> values = headers == null ? null : headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Slack sends whole seconds; anything else is treated as unsaid. */
    private static Duration retryAfter(String seconds) {
        String value = seconds == null ? "" : seconds.strip();
        return value.matches("\\d{1,6}") ? Duration.ofSeconds(Long.parseLong(value)) : null;
    }
}
