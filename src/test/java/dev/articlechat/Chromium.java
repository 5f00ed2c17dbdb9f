package dev.articlechat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the browser tests find a Chromium: {@code CHROMIUM_PATH}, Debian's, or one on the {@code PATH}. */
final class Chromium {

    static final Path DEBIAN = Path.of("/usr/bin/chromium");
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");

    private Chromium() {
    }

    /**
     * The browser to drive; a {@code CHROMIUM_PATH} that names none is returned as it is, so that the tests fail on
     * it rather than quietly use another.
     */
    static Optional<String> find() {
        String configured = System.getenv("CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        if (Files.isExecutable(DEBIAN)) {
            return Optional.of(DEBIAN.toString());
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }

    /** What was looked for, and how to get a browser. */
    static String missing() {
        return "No Chromium found (CHROMIUM_PATH is unset, nothing at " + DEBIAN + ", none of " + String.join(", ", NAMES)
                + " on the PATH). Install one (Debian: apt-get install chromium; macOS: brew install --cask chromium) "
                + "or set CHROMIUM_PATH to a Chromium or Chrome binary.";
    }
}
