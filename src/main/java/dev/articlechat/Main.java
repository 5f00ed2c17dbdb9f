package dev.articlechat;

import dev.articlechat.cli.ArticleChatCommand;
import picocli.CommandLine;

/** Entry point: {@code java -jar article-chat.jar <serve|index|ask|eval> ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logging.routeJavaUtilLogging();
        int exitCode;
        try {
            exitCode = ArticleChatCommand.commandLine().execute(args);
        } catch (Throwable e) { // an Error escapes picocli; still exit, or native threads keep the JVM alive
            System.err.println("article-chat: " + e);
            exitCode = 1;
        }
        System.exit(exitCode);
    }
}
