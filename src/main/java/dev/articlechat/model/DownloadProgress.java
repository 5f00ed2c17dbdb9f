package dev.articlechat.model;

import java.io.PrintStream;

/**
 * Prints how far a fetch has got: a line at each tenth of the total, so it reads the same in a terminal and in a
 * log file, where a redrawn bar would turn into hundreds of lines. The count only moves forward, so two stages
 * (pip's downloads, then putting the file together) can advance one count.
 */
final class DownloadProgress {

    static final double MB = 1_000_000.0;

    private final PrintStream console;
    private final String label;
    private final long totalBytes;
    private long lastTenth;

    DownloadProgress(PrintStream console, String label, long totalBytes) {
        this.console = console;
        this.label = label;
        this.totalBytes = totalBytes;
    }

    long totalBytes() {
        return totalBytes;
    }

    synchronized void advancedTo(long bytes) {
        long tenth = bytes * 10 / totalBytes;
        if (tenth > lastTenth) {
            lastTenth = tenth;
            console.printf("%s: %3d%% (%.1f of %.1f MB)%n", label, bytes * 100 / totalBytes, bytes / MB,
                    totalBytes / MB);
        }
    }
}
