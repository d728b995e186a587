package io.reasoner.engine.decode;

/**
 * Receives each generated token as soon as it is decoded, on the decoding thread. Time spent here is not counted
 * in the decode timings but does delay the next token, so a slow consumer should hand off rather than block.
 */
@FunctionalInterface
public interface TokenListener {

    /**
     * @param tokenId   the token just sampled (never EOS: reaching EOS ends generation without a call)
     * @param textDelta the text this token completes; may be empty (a control token, or the first bytes of a
     *                  character spread over several byte tokens), never a partial UTF-8 character
     * @return {@code true} to continue, {@code false} to stop after this token
     */
    boolean onToken(int tokenId, String textDelta);
}
