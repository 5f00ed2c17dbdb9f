package dev.articlechat.cli;

import dev.articlechat.ArticleChat;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "index", description = "Build the index from the article(s) and exit.")
final class IndexCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        int passages = ArticleChat.rebuildIndex(common.settings());
        System.out.println("Indexed " + passages + " passages into " + common.indexDir);
        return 0;
    }
}
