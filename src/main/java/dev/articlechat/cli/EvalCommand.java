package dev.articlechat.cli;

import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.eval.CheckTally;
import dev.articlechat.eval.EvalReport;
import dev.articlechat.eval.Evaluator;
import dev.articlechat.eval.SquadArticle;
import dev.articlechat.eval.SquadEvaluator;
import dev.articlechat.eval.SquadSet;
import dev.articlechat.ingest.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", description = "Score a question file (JSON lines, the format of dev-questions.jsonl), "
        + "or titles of a SQuAD 2.0 file (--squad).")
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "FILE.jsonl",
            description = "Questions with expected answers and evidence.")
    Path file;

    @Option(names = "--squad", paramLabel = "FILE.json",
            description = "A file in the SQuAD 2.0 dev set's layout: score the questions of --titles, each title "
                    + "served as one article of its first --paragraphs paragraphs, indexed in a temporary "
                    + "directory (or --index-dir). The articles of --article and the data directory are not served.")
    Path squad;

    @Option(names = "--titles", paramLabel = "TITLE", split = ",",
            description = "With --squad: the titles to score, as the file spells them (Normans,Southern_California).")
    List<String> titles;

    @Option(names = "--paragraphs", paramLabel = "N", defaultValue = "10",
            description = "With --squad: how many of each title's first paragraphs make its article. "
                    + "Default: ${DEFAULT-VALUE}.")
    int paragraphs;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--json-file", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path jsonFile;

    @Override
    public Integer call() throws Exception {
        if ((file == null) == (squad == null)) {
            throw new ParameterException(spec.commandLine(), "eval needs a question file or --squad FILE, not both");
        }
        CheckTally checks = new CheckTally();
        String set;
        Scored scored;
        if (squad == null) {
            set = file.getFileName().toString();
            scored = questionFile(checks);
        } else {
            set = squad.getFileName() + ": " + String.join(", ", titles()) + " (first " + paragraphs + " paragraphs)";
            scored = squadTitles(checks);
        }
        EvalReport report = scored.report();
        if (jsonFile != null) {
            PrettyJson.write(jsonFile, report);
        }
        if (json) {
            PrettyJson.print(report);
        } else {
            // articles in the data directory are served too: a reader must see what the figures were measured on
            new EvalReportPrinter(System.out).print(set + "\n" + served(scored.articleIds()), report);
        }
        return 0;
    }

    /** A report, and the ids of the articles that were served while it was scored. */
    private record Scored(EvalReport report, List<String> articleIds) {

        static Scored of(EvalReport report, ArticleChat chat) {
            return new Scored(report, chat.answers().corpus().articles().stream().map(Article::id).toList());
        }
    }

    private static String served(List<String> articleIds) {
        return articleIds.size() + (articleIds.size() == 1 ? " article served: " : " articles served: ")
                + String.join(", ", articleIds);
    }

    private Scored questionFile(CheckTally checks) throws IOException {
        if (titles != null || spec.commandLine().getParseResult().hasMatchedOption("--paragraphs")) {
            throw new ParameterException(spec.commandLine(), "--titles and --paragraphs go with --squad");
        }
        try (ArticleChat chat = ArticleChat.open(common.settings(), checks)) {
            chat.answers().warmModel(); // as a server does before its first user: scores, not the warm-up
            return Scored.of(new Evaluator(chat.answers(), checks).run(Evaluator.read(file), common.mode.label()), chat);
        }
    }

    /**
     * The set's articles are served alone, from a scratch directory: not with the user's articles, and with no data
     * directory, so that the run neither reads nor changes what the user serves. Its index is a scratch one too,
     * unless --index-dir names one (to keep it between runs); INDEX_DIR in the environment does not count.
     */
    private Scored squadTitles(CheckTally checks) throws IOException {
        for (String own : List.of("--article", "--articles-dir", "--data-dir")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(own)) {
                throw new ParameterException(spec.commandLine(), own + " does not go with --squad: "
                        + "the articles are the set's titles");
            }
        }
        List<SquadArticle> articles = SquadSet.read(squad).articles(titles(), paragraphs);
        try (ScratchArticles scratch = ScratchArticles.create()) {
            Settings settings = common.settings().withArticles(scratch.write(articles)).withDataDir(null);
            if (!spec.commandLine().getParseResult().hasMatchedOption("--index-dir")) {
                settings = settings.withIndexDir(scratch.indexDir());
            }
            try (ArticleChat chat = ArticleChat.open(settings, checks)) {
                return Scored.of(new SquadEvaluator(chat.answers(), checks).run(articles, common.mode.label()), chat);
            }
        }
    }

    private List<String> titles() {
        if (titles == null || titles.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "--squad needs --titles: which of the file's titles to score");
        }
        return titles;
    }
}
