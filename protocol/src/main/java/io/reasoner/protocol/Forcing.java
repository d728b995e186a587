package io.reasoner.protocol;

/**
 * What budget forcing did to one request.
 *
 * @param injectedTokens tokens the platform appended (extension texts, delimiters, forced-answer prefix)
 * @param extensionsUsed times an attempt to end thinking was suppressed and the extension text appended
 * @param capFired       whether thinking was ended by the cap rather than by the model
 */
public record Forcing(int injectedTokens, int extensionsUsed, boolean capFired) {

    public static final Forcing NONE = new Forcing(0, 0, false);

    public Forcing {
        Checks.atLeast("injectedTokens", injectedTokens, 0);
        Checks.atLeast("extensionsUsed", extensionsUsed, 0);
    }
}
