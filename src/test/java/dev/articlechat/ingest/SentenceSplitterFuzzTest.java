package dev.articlechat.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Coverage-guided fuzzing of the sentence splitter on any text, over the whole text and over each of its
 * lines as the parser asks for them: the spans are the units every citation quotes, so they must lie inside
 * the range asked for, in order, without overlap, and trimmed of white space.
 * Seeds (plain text) and regression inputs: {@code src/test/resources/dev/articlechat/ingest/SentenceSplitterFuzzTestInputs/}.
 */
class SentenceSplitterFuzzTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @FuzzTest(maxDuration = "5s")
    void splits_any_text_into_ordered_trimmed_sentences_inside_the_range(byte[] input) {
        String text = new String(input, UTF_8);

        assertWellFormed(text, 0, text.length());
        int lineStart = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', lineStart)) {
            assertWellFormed(text, lineStart, newline);
            lineStart = newline + 1;
        }
        assertWellFormed(text, lineStart, text.length());
    }

    private void assertWellFormed(String text, int from, int to) {
        List<TextSpan> sentences = splitter.split(text, from, to);

        int previousEnd = from;
        for (TextSpan sentence : sentences) {
            assertThat(sentence.start()).as("starts after the previous sentence").isGreaterThanOrEqualTo(previousEnd);
            assertThat(sentence.end()).as("ends inside the range").isLessThanOrEqualTo(to).isGreaterThan(sentence.start());
            assertThat(Character.isWhitespace(text.charAt(sentence.start()))).as("trimmed at the start").isFalse();
            assertThat(Character.isWhitespace(text.charAt(sentence.end() - 1))).as("trimmed at the end").isFalse();
            previousEnd = sentence.end();
        }
        String covered = String.join("", sentences.stream().map(s -> s.of(text)).toList());
        assertThat(covered.codePoints().filter(c -> !Character.isWhitespace(c)).count())
                .as("no visible character of the range is lost")
                .isEqualTo(text.substring(from, to).codePoints().filter(c -> !Character.isWhitespace(c)).count());
    }
}
