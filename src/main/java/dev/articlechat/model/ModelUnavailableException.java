package dev.articlechat.model;

import java.io.IOException;

/** No source could deliver a model file with the expected SHA-256. The message is one line naming each reason. */
public final class ModelUnavailableException extends IOException {

    public ModelUnavailableException(String message) {
        super(message);
    }
}
