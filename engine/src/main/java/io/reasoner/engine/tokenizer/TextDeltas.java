package io.reasoner.engine.tokenizer;

/**
 * One way of turning a token stream into text deltas, behind {@link StreamingDetokenizer}: from per-token bytes
 * ({@link ByteDeltas}) or, where a tokenizer exposes only whole-sequence decoding, by diffing decoded text
 * ({@link DecodedTextDeltas}). Not thread-safe.
 */
interface TextDeltas {

    /** Feeds one token; returns the text it completes, never ending inside a character. */
    String accept(int token);

    /** Ends the stream and returns whatever was held back. */
    String flush();

    /** How much is held back; zero exactly when nothing is (the unit is the implementation's, see there). */
    int pending();
}
