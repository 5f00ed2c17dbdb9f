package dev.articlechat.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Which {@code response_url}s the bot posts to: Slack's hooks, or the host of a configured Web API (a fake in
 * tests, a proxy in front of Slack). A signed request should only ever carry Slack's, but the bot must not
 * become a way to make this server post anywhere should the signing secret leak.
 */
final class ResponseUrls {

    /** Slack's commercial and its government cloud. */
    private static final List<String> SLACK_HOOKS =
            List.of("https://hooks.slack.com/", "https://hooks.slack-gov.com/");

    private final String configuredOrigin;

    ResponseUrls(String webApiUrl) {
        this.configuredOrigin = webApiUrl == null ? null : origin(webApiUrl);
    }

    boolean accepts(String url) {
        return SLACK_HOOKS.stream().anyMatch(url::startsWith) || (configuredOrigin != null && configuredOrigin.equals(origin(url)));
    }

    private static String origin(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null || uri.getHost() == null ? null
                    : uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
