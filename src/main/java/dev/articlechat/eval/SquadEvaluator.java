package dev.articlechat.eval;

import dev.articlechat.answer.Answer;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.QuestionText;
import dev.articlechat.ingest.Article;
import java.util.List;

/**
 * Runs SQuAD questions through the answering service, each scoped to its own title's article, and scores them as
 * {@link SquadScore} does. The articles must be served already, under their headings as titles.
 */
public final class SquadEvaluator {

    private final AnswerService answers;
    private final CheckTally checks;

    /** @param checks the tally the service reports its sentence checks to */
    public SquadEvaluator(AnswerService answers, CheckTally checks) {
        this.answers = answers;
        this.checks = checks;
    }

    public EvalReport run(List<SquadArticle> articles, String mode) {
        EvalRun run = new EvalRun(answers, checks);
        for (SquadArticle article : articles) {
            String articleId = servedId(article);
            for (SquadQuestion q : article.questions()) {
                // as the HTTP API takes a question: control characters become spaces, the ends are trimmed
                Question question = new Question(QuestionText.of(q.question()), List.of(), articleId);
                Answer answer = run.ask(question, !q.impossible(), SquadScore.holdsGold(q));
                run.score(q.id(), q.question(), q.answers(), answer, SquadScore.grade(q, answer),
                        SquadScore.firstCitationHolds(q, answer));
            }
        }
        return run.report(mode);
    }

    /** The served article's id, found by its title: the loader gives ids, and makes a repeated one unique. */
    private String servedId(SquadArticle article) {
        return answers.corpus().articles().stream()
                .filter(a -> a.title().equals(article.heading()))
                .map(Article::id)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the article " + article.heading() + " is not served"));
    }
}
