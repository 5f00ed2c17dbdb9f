package dev.articlechat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The manifest users paste into Slack asks for what the bot uses and points at the routes it serves. */
class SlackManifestTest {

    @Test
    void asks_for_the_scopes_and_events_the_bot_uses_and_names_its_routes() throws Exception {
        String manifest = Files.readString(Path.of("slack-app-manifest.yml"));

        assertThat(manifest).contains("- app_mentions:read", "- chat:write", "- channels:history",
                "- groups:history", "- im:history", "- reactions:write", "- commands");
        assertThat(manifest).contains("request_url: https://YOUR-HOST/slack/events", "- app_mention", "- message.im",
                "url: https://YOUR-HOST/slack/commands", "command: /ask-article");
    }
}
