package dev.articlechat.cli;

import dev.articlechat.Settings;
import dev.articlechat.retrieve.RetrievalMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command shares. Each also reads an environment variable, named in its description. */
final class CommonOptions {

    @Option(names = "--article", paramLabel = "FILE", split = ",", defaultValue = "${env:ARTICLE}",
            description = "Article file (first line is the title); repeat for several. "
                    + "Default: the bundled article. Env: ARTICLE (comma-separated).")
    List<Path> articles = new ArrayList<>();

    @Option(names = "--index-dir", paramLabel = "DIR", defaultValue = "${env:INDEX_DIR:-index}",
            description = "Lucene index directory. Env: INDEX_DIR. Default: ${DEFAULT-VALUE}.")
    Path indexDir;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "${env:RETRIEVAL_MODE:-hybrid}",
            converter = ModeConverter.class,
            description = "Retrieval: bm25, vector or hybrid. Env: RETRIEVAL_MODE. Default: ${DEFAULT-VALUE}.")
    RetrievalMode mode;

    @Option(names = "--passages", paramLabel = "N", defaultValue = "${env:RETRIEVAL_PASSAGES:-8}",
            description = "Passages retrieved per question. Env: RETRIEVAL_PASSAGES. Default: ${DEFAULT-VALUE}.")
    int passages;

    @Option(names = "--context", paramLabel = "N", defaultValue = "${env:RETRIEVAL_CONTEXT:-0}",
            description = "Neighbouring sentences added on each side of a retrieved one. "
                    + "Env: RETRIEVAL_CONTEXT. Default: ${DEFAULT-VALUE}.")
    int contextWindow;

    @Option(names = "--model-provider", paramLabel = "NAME", defaultValue = "${env:CHAT_MODEL_PROVIDER:-extractive}",
            description = "Who writes answers: extractive (no LLM, always available). "
                    + "Env: CHAT_MODEL_PROVIDER. Default: ${DEFAULT-VALUE}.")
    String modelProvider;

    Settings settings() {
        if (passages < 1 || passages > 100) {
            throw new IllegalArgumentException("--passages must be between 1 and 100");
        }
        if (contextWindow < 0 || contextWindow > 5) {
            throw new IllegalArgumentException("--context must be between 0 and 5");
        }
        return new Settings(articles == null ? List.of() : articles, indexDir, mode, passages, contextWindow,
                modelProvider);
    }

    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<RetrievalMode> {
        @Override
        public RetrievalMode convert(String value) {
            try {
                return RetrievalMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected bm25, vector or hybrid");
            }
        }
    }
}
