package io.reasoner.engine.template;

/**
 * A chat template could not be parsed or rendered, or refused the conversation through its own
 * {@code raise_exception} (e.g. "Conversation roles must alternate user/assistant").
 */
public final class ChatTemplateException extends RuntimeException {

    public ChatTemplateException(String message) {
        super(message);
    }

    public ChatTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
