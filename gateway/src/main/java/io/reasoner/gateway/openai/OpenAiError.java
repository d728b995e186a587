package io.reasoner.gateway.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * OpenAI's error body, {@code {"error":{"message","type","param","code"}}}, which OpenAI SDKs parse into their
 * exceptions. Also sent as a stream event when a streaming request fails after the stream began.
 */
record OpenAiError(Detail error) {

    /** {@code param} and {@code code} are null where they do not apply, but always present, as at OpenAI. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Detail(String message, String type, String param, String code) {
    }
}
