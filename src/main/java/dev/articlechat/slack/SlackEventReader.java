package dev.articlechat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.events.payload.MessagePayload;
import com.slack.api.app_backend.events.payload.UrlVerificationPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.json.GsonFactory;
import io.javalin.http.BadRequestResponse;

/**
 * Reads an Events API delivery into a {@link SlackEvent} with the SDK's payload classes. A malformed delivery is
 * a 400; a well-formed one the bot has no business with is {@link SlackEvent.Ignored}, so that Slack sees 200
 * and does not retry it.
 */
final class SlackEventReader {

    private final Gson gson = GsonFactory.createSnakeCase();

    SlackEvent read(String body) {
        JsonObject root = object(parse(body), "The body must be a JSON object.");
        String type = required(root, "type");
        return switch (type) {
            case UrlVerificationPayload.TYPE -> new SlackEvent.UrlVerification(required(root, "challenge"));
            case EventsApiPayload.TYPE -> callback(root);
            default -> new SlackEvent.Ignored("payload type " + type);
        };
    }

    private SlackEvent callback(JsonObject root) {
        String eventId = required(root, "event_id");
        JsonObject event = object(root.get("event"), "\"event\" must be an object.");
        String type = required(event, "type");
        // Bots (this one included) write with a bot_id; subtypes are edits, deletions, joins and bot posts.
        if (event.has("bot_id") || event.has("subtype")) {
            return new SlackEvent.Ignored("a bot's message or a " + type + " subtype");
        }
        if (type.equals(AppMentionEvent.TYPE_NAME)) {
            AppMentionEvent mention = payload(root, AppMentionPayload.class).getEvent();
            return asked(eventId, mention.getChannel(), mention.getTs(), mention.getThreadTs(), mention.getUser(),
                    mention.getText());
        }
        if (type.equals(MessageEvent.TYPE_NAME)) {
            MessageEvent message = payload(root, MessagePayload.class).getEvent();
            // in channels the bot answers only when mentioned, and that arrives as app_mention
            return "im".equals(message.getChannelType())
                    ? asked(eventId, message.getChannel(), message.getTs(), message.getThreadTs(), message.getUser(),
                            message.getText())
                    : new SlackEvent.Ignored("a message outside a direct conversation");
        }
        return new SlackEvent.Ignored("event type " + type);
    }

    private <T> T payload(JsonObject root, Class<T> type) {
        try {
            return gson.fromJson(root, type);
        } catch (JsonParseException e) {
            throw new BadRequestResponse("The event does not have the shape Slack gives it.");
        }
    }

    private static SlackEvent asked(String eventId, String channel, String ts, String threadTs, String user,
                                    String text) {
        if (blank(channel) || blank(ts) || blank(user)) {
            throw new BadRequestResponse("The event needs a channel, a ts and a user.");
        }
        if (!SlackEvent.isTs(ts) || !(blank(threadTs) || SlackEvent.isTs(threadTs))) {
            throw new BadRequestResponse("A message ts is seconds and microseconds, like 1531420618.000200.");
        }
        return new SlackEvent.Asked(eventId, channel, ts, blank(threadTs) ? null : threadTs, user,
                text == null ? "" : text);
    }

    private static JsonElement parse(String body) {
        try {
            return JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new BadRequestResponse("The body is not valid JSON.");
        }
    }

    private static JsonObject object(JsonElement element, String problem) {
        if (element == null || !element.isJsonObject()) {
            throw new BadRequestResponse(problem);
        }
        return element.getAsJsonObject();
    }

    private static String required(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()
                || value.getAsString().isBlank()) {
            throw new BadRequestResponse("\"" + field + "\" must be a non-empty string.");
        }
        return value.getAsString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
