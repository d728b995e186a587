package io.reasoner.gateway.openai;

import io.reasoner.gateway.service.CreateReasoningBody;

/**
 * A chat completion request translated for the platform: the native body to submit, and how to answer.
 *
 * @param body         what {@code ReasoningService.submit} takes
 * @param model        the model asked for, or null for any
 * @param stream       answer with Server-Sent Events rather than one JSON object
 * @param includeUsage (streaming) send a usage chunk before {@code [DONE]}
 * @param keepRunning  (streaming) let the request run on when the client disconnects, instead of cancelling it
 */
record ChatCall(CreateReasoningBody body, String model, boolean stream, boolean includeUsage, boolean keepRunning) {

    ChatCall {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
    }
}
