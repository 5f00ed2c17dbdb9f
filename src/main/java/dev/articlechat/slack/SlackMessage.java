package dev.articlechat.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A message for Slack: Block Kit blocks, and the plain text that notifications and old clients show instead. */
record SlackMessage(String text, List<LayoutBlock> blocks) {

    SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
