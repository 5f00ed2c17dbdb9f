package dev.articlechat.cli;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; each stage of use is a subcommand. */
@Command(name = "article-chat", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Answers questions about a news article, citing the sentences each answer rests on.",
        subcommands = {ServeCommand.class, IndexCommand.class, AskCommand.class, EvalCommand.class,
                FetchModelCommand.class, NestedHelpCommand.class})
public final class ArticleChatCommand implements Callable<Integer> {

    /** picocli's convention: a command line it cannot use is 2, a failure while running 1. */
    static final int USAGE = 2;
    static final int FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command there is nothing to do: that is a usage error, and the usage says what to type. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("article-chat: a command is needed");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ArticleChatCommand());
        // --help and --version on every command, also those whose options are shared mixins
        withHelp(commandLine);
        // Bad configuration (an unreadable article, an unknown provider) gets one clear line, not a stack trace.
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("article-chat: " + rootMessage(e));
            return exitCode(e);
        });
        return commandLine;
    }

    /** Every subcommand, nested ones ({@code index add}) included. */
    private static void withHelp(CommandLine command) {
        command.getSubcommands().values().forEach(sub -> {
            sub.getCommandSpec().mixinStandardHelpOptions(true).versionProvider(new BuildVersion());
            withHelp(sub);
        });
    }

    /**
     * A setting's own check refusing what the command line gave it (an origin that is not one, a provider no one
     * makes) throws {@link IllegalArgumentException}: a usage error like a mistyped option. Anything else happened
     * while running (an article that cannot be read, a model that cannot be fetched).
     */
    static int exitCode(Exception e) {
        return e instanceof IllegalArgumentException ? USAGE : FAILED;
    }

    /**
     * The message of the failure and of each cause, in words: a file system error says what went wrong with the
     * file ("no such file"), where Java's own message is only the file's name, which the message already gives.
     */
    static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String part = reason(cause);
            if (part != null && !part.isBlank() && message.indexOf(part) < 0) {
                message.append(message.isEmpty() ? "" : ": ").append(part);
            }
        }
        return message.isEmpty() ? "an unexpected " + e.getClass().getSimpleName() : message.toString();
    }

    private static String reason(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason().toLowerCase(Locale.ROOT) : "cannot be read";
        }
        if (e instanceof UncheckedIOException && e.getCause() != null
                && String.valueOf(e.getMessage()).equals(e.getCause().toString())) {
            return null; // only the cause again
        }
        return e.getMessage();
    }
}
