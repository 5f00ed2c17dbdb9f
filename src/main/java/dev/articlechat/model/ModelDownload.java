package dev.articlechat.model;

import java.io.IOException;
import java.io.InputStream;

/**
 * One place a model file can come from. A download only delivers bytes: the fetcher counts, hashes and installs
 * them, so no source can skip the check.
 */
interface ModelDownload {

    /** Names the source in progress lines and failure reasons, e.g. "Hugging Face". */
    String name();

    /** Opens the model's bytes. Anything this writes to disk on the way must go into {@code scratch}. */
    InputStream open(ModelSource source, Scratch scratch) throws IOException;
}
