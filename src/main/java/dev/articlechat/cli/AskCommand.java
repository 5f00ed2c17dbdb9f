package dev.articlechat.cli;

import dev.articlechat.ArticleChat;
import dev.articlechat.answer.Answer;
import dev.articlechat.answer.Citation;
import dev.articlechat.answer.NotAQuestionException;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.QuestionText;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", description = "Answer one question in the terminal (the same answer as the HTTP API).")
final class AskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "QUESTION", description = "The question, in quotes.")
    String question;

    @Option(names = "--article-id", paramLabel = "ID",
            description = "Answer from this article alone (an id that index list shows); default: every article.")
    String articleId;

    @Option(names = "--json", description = "Print the answer object of POST /api/ask.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String text;
        try {
            text = QuestionText.of(question);
        } catch (NotAQuestionException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (ArticleChat chat = ArticleChat.open(common.settings())) {
            Question asked = Question.of(text).about(articleId);
            chat.answers().requireArticle(asked);
            chat.answers().warmModel(asked); // reading the article is not held against the question's time limit
            Answer answer = chat.answers().ask(asked);
            if (json) {
                PrettyJson.print(answer);
            } else {
                print(answer, System.out);
            }
        }
        return 0;
    }

    static void print(Answer answer, PrintStream out) {
        out.println(answer.answer());
        if (!answer.citations().isEmpty()) {
            out.println();
            out.println("Sources:");
            for (Citation c : answer.citations()) {
                out.printf("  [%d] %s (%s, characters %d-%d)%n", c.n(), c.quote(), c.passageId(), c.start(), c.end());
            }
        }
    }
}
