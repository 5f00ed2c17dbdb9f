package dev.articlechat.slack;

/** What a delivery to {@code POST /slack/events} asks of the bot. */
sealed interface SlackEvent {

    /** Slack's message ids: epoch seconds, a dot, a sequence number; they order the messages of a thread. */
    static boolean isTs(String value) {
        return value != null && value.matches("\\d{1,12}(\\.\\d{1,9})?");
    }

    /** Slack checking the events URL when it is saved: echo the challenge. */
    record UrlVerification(String challenge) implements SlackEvent {
    }

    /**
     * A person's message to the bot: a mention in a channel or a direct message.
     *
     * @param threadTs the thread it was written in; null when it starts one
     */
    record Asked(String eventId, String channel, String ts, String threadTs, String user, String text)
            implements SlackEvent {

        /** Where the answer goes: the message's thread, or a new thread under the message. */
        String replyThread() {
            return threadTs != null ? threadTs : ts;
        }
    }

    /** A valid delivery that needs nothing from the bot: another event type, a bot's message, an edit. */
    record Ignored(String why) implements SlackEvent {
    }
}
