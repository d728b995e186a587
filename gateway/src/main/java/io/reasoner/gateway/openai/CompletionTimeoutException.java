package io.reasoner.gateway.openai;

import java.time.Duration;

/** A non-streaming completion got no result within {@code reasoner.gateway.openai.completion-timeout}. */
final class CompletionTimeoutException extends RuntimeException {

    CompletionTimeoutException(String requestId, Duration timeout) {
        super("no result for " + requestId + " within " + timeout + "; the request was cancelled unless "
                + "metadata.keep_running was \"true\" (use stream=true for long reasoning)");
    }
}
