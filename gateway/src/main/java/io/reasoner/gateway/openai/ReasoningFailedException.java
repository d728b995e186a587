package io.reasoner.gateway.openai;

import io.reasoner.protocol.ReasoningResult;

/** The request reached a worker but ended {@code failed}; the message carries the worker's reason. */
final class ReasoningFailedException extends RuntimeException {

    ReasoningFailedException(ReasoningResult result) {
        super("reasoning request " + result.requestId() + " failed: "
                + (result.error() == null ? "no reason given" : result.error()));
    }
}
