package dev.articlechat;

import dev.articlechat.cli.ArticleChatCommand;
import picocli.CommandLine;

/** Entry point: {@code java -jar article-chat.jar <serve|index|ask|eval> ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ArticleChatCommand.commandLine().execute(args));
    }
}
