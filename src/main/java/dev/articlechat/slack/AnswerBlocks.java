package dev.articlechat.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import dev.articlechat.answer.Answer;
import dev.articlechat.answer.Citation;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an answer as Block Kit: the answer as a section, then one context block per cited source with its
 * number and the article's own sentence. Everything stays within Slack's limits, which reject the whole
 * message when exceeded: 3,000 characters per text object and 50 blocks per message.
 */
final class AnswerBlocks {

    static final int MAX_TEXT = 3000;
    static final int MAX_BLOCKS = 50;
    /** A source is a sentence or two; a longer quote is trimmed so that the answer stays the message's focus. */
    static final int MAX_QUOTE = 500;

    private AnswerBlocks() {
    }

    static SlackMessage answer(Answer answer, ArticleTitles titles) {
        return render(answer, List.of(), titles);
    }

    /** A slash command's answer, led by who asked what: others in the channel do not see the command itself. */
    static SlackMessage commandAnswer(Answer answer, String question, String userId, ArticleTitles titles) {
        // the mention is markup of our own making, from an id checked to be one; the question is the user's text
        String asker = userId != null && userId.matches("[A-Z0-9]{1,32}") ? "<@" + userId + ">" : "Someone";
        String asked = asker + " asked: " + Mrkdwn.escapeWithin(question, MAX_TEXT - 64);
        return render(answer, List.of(context(c -> c.elements(List.of(markdownText(asked))))), titles);
    }

    static SlackMessage notice(String text) {
        String escaped = Mrkdwn.escapeWithin(text, MAX_TEXT);
        return new SlackMessage(escaped, List.of(section(s -> s.text(markdownText(escaped)))));
    }

    private static SlackMessage render(Answer answer, List<LayoutBlock> lead, ArticleTitles titles) {
        String text = Mrkdwn.escapeWithin(answer.answer(), MAX_TEXT);
        List<LayoutBlock> blocks = new ArrayList<>(lead);
        blocks.add(section(s -> s.text(markdownText(text))));
        // an unanswered question has no sources by contract; the check keeps a stray one from being shown
        List<Citation> sources = answer.answered() ? answer.citations() : List.of();
        int room = MAX_BLOCKS - blocks.size();
        int shown = sources.size() <= room ? sources.size() : room - 1;
        for (Citation citation : sources.subList(0, shown)) {
            blocks.add(context(c -> c.elements(List.of(markdownText(source(citation, titles))))));
        }
        if (shown < sources.size()) {
            String more = "…and " + (sources.size() - shown) + " more sources";
            blocks.add(context(c -> c.elements(List.of(markdownText(more)))));
        }
        return new SlackMessage(text, blocks);
    }

    private static String source(Citation citation, ArticleTitles titles) {
        String title = titles.of(citation.articleId());
        return "*[" + citation.n() + "]* “" + Mrkdwn.escapeWithin(citation.quote().strip(), MAX_QUOTE) + "”"
                + (title == null ? "" : " — _" + Mrkdwn.escapeWithin(title, MAX_QUOTE) + "_");
    }
}
