package io.reasoner.policy.web;

/** The broker did not acknowledge an override; nothing was changed. */
class OverrideNotStoredException extends RuntimeException {

    OverrideNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
