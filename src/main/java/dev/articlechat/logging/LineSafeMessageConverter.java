package dev.articlechat.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %msg} of the text log, with {@link LogText#escape line breaks escaped}: every message is covered, whatever
 * code logged it and whichever argument carried the user's text, so no call site has to remember to.
 */
public final class LineSafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.escape(super.convert(event));
    }
}
