package io.reasoner.gateway.openai;

/**
 * A request field with a value the API cannot accept. {@link #param()} is the field's OpenAI name (e.g.
 * {@code messages[2].role}), reported as the error's {@code param} so clients can point at it.
 */
final class InvalidParameterException extends IllegalArgumentException {

    private final String param;

    InvalidParameterException(String param, String message) {
        super(message);
        this.param = param;
    }

    /** The offending field, or null when the request as a whole is wrong. */
    String param() {
        return param;
    }

    static int inRange(String param, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidParameterException(param,
                    param + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    static double inRange(String param, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidParameterException(param,
                    param + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }
}
