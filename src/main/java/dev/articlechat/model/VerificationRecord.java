package dev.articlechat.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A sidecar {@code <file>.sha256} that remembers a model file was verified, so a restart need not hash 100 MB
 * again. It vouches for the file only while its size and modification time are the ones recorded: any rewrite
 * changes the modification time, and then the file is hashed anew.
 *
 * <p>The first line has the format of {@code sha256sum} and the second is a comment to it, so
 * {@code sha256sum -c <file>.sha256} checks the file too.
 */
final class VerificationRecord {

    private VerificationRecord() {
    }

    /** Whether {@code file} is the source's file, trusting the sidecar while it still matches the file. */
    static boolean verifies(Path file, ModelSource source) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.size() != source.sizeBytes()) {
            return false;
        }
        if (stamp(attributes).equals(recordedStamp(file, source.sha256()))) {
            return true;
        }
        if (!Sha256.of(file).equals(source.sha256())) {
            return false;
        }
        write(file, source.sha256());
        return true;
    }

    static void write(Path file, String sha256) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Files.writeString(sidecarOf(file),
                sha256 + "  " + file.getFileName() + "\n" + stamp(attributes) + "\n", StandardCharsets.UTF_8);
    }

    static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    /** The size and time line the sidecar recorded for this hash, or "" when it records another hash or none. */
    private static String recordedStamp(Path file, String sha256) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(sidecarOf(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
        boolean sameHash = lines.size() == 2 && lines.get(0).equals(sha256 + "  " + file.getFileName());
        return sameHash ? lines.get(1) : "";
    }

    private static String stamp(BasicFileAttributes attributes) {
        return "# size " + attributes.size() + " modified " + attributes.lastModifiedTime().toInstant();
    }
}
