package io.reasoner.gateway.openai;

import java.util.List;

/** The request names a model that no live worker serves. */
final class UnknownModelException extends RuntimeException {

    UnknownModelException(String model, List<String> served) {
        super("The model `" + model + "` does not exist; served models are " + served);
    }
}
