package dev.articlechat.model;

import java.io.IOException;

/**
 * The bytes a source delivered are not the model's (wrong hash, wrong size, a damaged wheel). Unlike a dropped
 * connection, this is not worth resuming: whatever the source kept of them is discarded.
 */
final class CorruptDownloadException extends IOException {

    CorruptDownloadException(String message) {
        super(message);
    }

    CorruptDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
