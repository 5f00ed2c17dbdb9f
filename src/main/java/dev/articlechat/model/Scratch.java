package dev.articlechat.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Temporary files and directories of one fetch, all deleted when it ends, so that no partial model is ever left
 * behind. A shutdown hook does the same if the JVM is stopped mid-download (Ctrl-C, SIGTERM), after stopping any
 * process started here, which would otherwise go on writing into a deleted directory.
 *
 * <p>Scratch lives in the models directory itself: a finished file can then be renamed into place atomically,
 * which only works within one file system. Names start with a dot so they never look like a model.
 */
final class Scratch implements AutoCloseable {

    private final Path dir;
    private final List<Path> paths = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final Thread cleanupAtExit = new Thread(this::deleteAllQuietly, "model-fetch-cleanup");

    Scratch(Path dir) {
        this.dir = dir;
        Runtime.getRuntime().addShutdownHook(cleanupAtExit);
    }

    /**
     * A new empty file. Not {@code Files.createTempFile}: that makes it private to the owner, and the model it
     * becomes must be readable under the usual umask (an image built as root, run as another user).
     */
    synchronized Path newFile(String name) throws IOException {
        Path file = Files.createFile(dir.resolve("." + name + "." + UUID.randomUUID() + ".part"));
        paths.add(file);
        return file;
    }

    synchronized Path newDirectory(String name) throws IOException {
        Path directory = Files.createTempDirectory(dir, "." + name + ".");
        paths.add(directory);
        return directory;
    }

    /** Starts a process that writes into this scratch; it is stopped, if still running, before the cleanup. */
    synchronized Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    @Override
    public void close() throws IOException {
        try {
            deleteAll();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting, so the hook is running (or ran) the same cleanup.
            }
        }
    }

    private synchronized void deleteAll() throws IOException {
        for (Process process : processes) {
            if (process.isAlive()) {
                stop(process);
            }
        }
        processes.clear();
        IOException failure = null;
        for (Path path : paths) {
            try {
                deleteRecursively(path);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        paths.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void deleteAllQuietly() {
        try {
            deleteAll();
        } catch (IOException e) {
            // Nobody is left to tell during JVM shutdown: stderr is the last resort.
            System.err.println("could not delete a partial model download: " + e.getMessage());
        }
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

    /** A file that was installed is gone from its scratch path by then, so this skips it. */
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
