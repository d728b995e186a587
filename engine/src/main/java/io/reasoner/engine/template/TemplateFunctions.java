package io.reasoner.engine.template;

/**
 * Global functions Hugging Face provides to chat templates. Public only because Jinjava calls them reflectively.
 */
public final class TemplateFunctions {

    private TemplateFunctions() {
    }

    /** {@code raise_exception(message)}: the template refuses the conversation. */
    public static Object raiseException(String message) {
        throw new ChatTemplateException("chat template raised: " + message);
    }
}
