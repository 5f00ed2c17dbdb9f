package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code eval --squad}, run in-process through the real command line with the extractive answerer, on a fixture in
 * SQuAD 2.0's layout whose paragraphs and questions were invented for it. The counts are the extractive
 * answerer's on those questions: a change to it that moves one should change them knowingly.
 */
class SquadEvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVENTED = "src/test/resources/squad/invented-squad.json";
    private static final String TITLES = "Lake_Orvana,Copper_Bell_Festival";

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void scores_each_title_as_an_article_of_its_first_paragraphs() throws IOException {
        Path jsonFile = dir.resolve("report.json");

        Run run = articleChat("eval", "--squad", INVENTED, "--titles", TITLES, "--paragraphs", "2", "--json",
                "--json-file", jsonFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(JSON.readTree(jsonFile.toFile())).isEqualTo(report);
        // the third paragraph of the lake, and its question, are left out
        assertThat(report.get("questions").asInt()).isEqualTo(10);
        assertThat(report.get("answerable").asInt()).isEqualTo(7);
        assertThat(report.get("outOfScope").asInt()).isEqualTo(3);
        JsonNode rates = report.get("rates");
        assertCount(rates.get("correct"), 6, 7);
        assertCount(rates.get("wrongShown"), 1, 7);
        assertCount(rates.get("falseRefusals"), 0, 7);
        assertCount(rates.get("refusal"), 1, 3);
        assertCount(rates.get("impossibleAnswered"), 2, 3);
        assertThat(rates.get("citationsValid").get("share").asDouble()).isEqualTo(1.0);
        assertThat(report.get("correct").asDouble()).isEqualTo(6.0 / 7);
        assertThat(misses(report)).containsExactlyInAnyOrder("lake-1 WRONG_SHOWN", "lake-3 IMPOSSIBLE_ANSWERED",
                "lake-6 IMPOSSIBLE_ANSWERED");
        // the extractive answerer writes no sentence of its own, so no check ran
        assertThat(report.get("checks").get("sentences").asInt()).isZero();
    }

    @Test
    void prints_each_rate_with_its_count_and_interval_and_leaves_no_scratch_files() throws IOException {
        Set<Path> scratchBefore = scratchDirectories();

        Run run = articleChat("eval", "--squad", INVENTED, "--titles", "Copper_Bell_Festival");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Copper_Bell_Festival (first 10 paragraphs)")
                .as("says what it served").containsPattern("\n1 article served: [a-z0-9-]+\n")
                .containsPattern("correct +1\\.00  3 of 3, 95% CI 0\\.44-1\\.00")
                .containsPattern("refusal +1\\.00  1 of 1, 95% CI 0\\.21-1\\.00")
                .contains("sentence checks      none observed");
        assertThat(scratchDirectories()).isEqualTo(scratchBefore);
    }

    @Test
    void needs_titles_and_refuses_one_the_file_does_not_have() {
        Run noTitles = articleChat("eval", "--squad", INVENTED);
        Run unknown = articleChat("eval", "--squad", INVENTED, "--titles", "Lake Orvana");

        assertThat(noTitles.exitCode()).isEqualTo(2);
        assertThat(noTitles.err()).contains("--squad needs --titles");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no title Lake Orvana");
    }

    @Test
    void takes_a_question_file_or_a_squad_file_and_serves_none_of_the_users_articles_beside_a_squad_file() {
        Run both = articleChat("eval", "src/test/resources/eval/dev-questions.jsonl", "--squad", INVENTED,
                "--titles", TITLES);
        Run neither = articleChat("eval");
        Run withArticle = articleChat("eval", "--squad", INVENTED, "--titles", TITLES,
                "--article", "src/test/resources/articles/harbour-flood.txt");
        Run titlesWithoutSquad = articleChat("eval", "src/test/resources/eval/dev-questions.jsonl", "--titles", TITLES);

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("a question file or --squad FILE");
        assertThat(withArticle.exitCode()).isEqualTo(2);
        assertThat(withArticle.err()).contains("--article does not go with --squad");
        assertThat(titlesWithoutSquad.exitCode()).isEqualTo(2);
    }

    private static void assertCount(JsonNode rate, int count, int total) {
        assertThat(rate.get("count").asInt()).as(rate.toString()).isEqualTo(count);
        assertThat(rate.get("total").asInt()).as(rate.toString()).isEqualTo(total);
        assertThat(rate.get("low").asDouble()).isLessThanOrEqualTo(rate.get("share").asDouble());
        assertThat(rate.get("high").asDouble()).isGreaterThanOrEqualTo(rate.get("share").asDouble());
    }

    private static List<String> misses(JsonNode report) {
        List<String> misses = new ArrayList<>();
        report.get("misses").forEach(m -> misses.add(m.get("id").asText() + " " + m.get("outcome").asText()));
        return misses;
    }

    private static Set<Path> scratchDirectories() throws IOException {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("article-chat-eval-"))
                    .collect(Collectors.toSet());
        }
    }

    /** Runs the command line with the extractive answerer, whatever model is in models/, capturing its output. */
    private static Run articleChat(String command, String... args) {
        List<String> argv = new ArrayList<>(List.of(command, "--model-provider", "extractive"));
        argv.addAll(List.of(args));
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArticleChatCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exitCode = commandLine.execute(argv.toArray(String[]::new));
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
