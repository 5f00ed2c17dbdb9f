package dev.articlechat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; each stage of use is a subcommand. */
@Command(name = "article-chat", mixinStandardHelpOptions = true, version = "article-chat 0.1.0",
        description = "Answers questions about a news article, citing the sentences each answer rests on.",
        subcommands = {ServeCommand.class, IndexCommand.class, AskCommand.class, EvalCommand.class, FetchModelCommand.class})
public final class ArticleChatCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ArticleChatCommand());
        // Bad configuration (an unreadable article, an unknown provider) gets one clear line, not a stack trace.
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("article-chat: " + rootMessage(e));
            return 2;
        });
        return commandLine;
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage());
        }
        return message.toString();
    }
}
