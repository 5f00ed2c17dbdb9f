package dev.articlechat.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Parameters;

/**
 * {@code help [COMMAND...]}: the help of a command, nested ones included ({@code help index list}). picocli's own
 * help command looks up the first name only, so {@code help index list} printed the help of {@code index}.
 */
@Command(name = "help", helpCommand = true, description = "Print the help of a command: help index list.")
final class NestedHelpCommand implements IHelpCommandInitializable2, Callable<Integer> {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and its subcommand, to explain.")
    List<String> commands = new ArrayList<>();

    private CommandLine self;
    private PrintWriter out;
    private PrintWriter err;
    private Ansi ansi;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out,
                     PrintWriter err) {
        this.self = helpCommandLine;
        this.ansi = colorScheme.ansi();
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        CommandLine command = self.getParent();
        for (String name : commands) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                err.println("article-chat: no command \"" + String.join(" ", commands) + "\"; "
                        + command.getCommandSpec().qualifiedName() + " has: "
                        + String.join(", ", command.getSubcommands().keySet()));
                return ArticleChatCommand.USAGE;
            }
            command = sub;
        }
        command.usage(out, ansi);
        return 0;
    }
}
