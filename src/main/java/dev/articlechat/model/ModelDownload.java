package dev.articlechat.model;

import java.io.IOException;
import java.io.InputStream;

/**
 * One place a model file can come from. A download only delivers bytes: the fetcher writes, counts, hashes and
 * installs them, so no source can skip the check.
 */
interface ModelDownload {

    /** Names the source in progress lines and failure reasons, e.g. "Hugging Face". */
    String name();

    /**
     * Opens the model's bytes, from {@code keptBytes} on when the source can continue an earlier attempt that
     * stopped there, else from the start. Anything this writes to disk on the way goes into {@code directory}.
     *
     * @param progress for a source that has work to show before the bytes flow (pip's downloads); the fetcher
     *                 advances the same one while it copies, so a fetch shows one progress count
     */
    Opened open(ModelSource source, long keptBytes, DownloadDirectory directory, DownloadProgress progress)
            throws IOException;

    /**
     * @param body   the bytes from {@code offset} to the end of the file
     * @param offset where they start: {@code keptBytes} when continuing, 0 when starting over
     */
    record Opened(InputStream body, long offset) {
    }
}
