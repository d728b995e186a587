/**
 * The decoding loop: prefill the prompt, then sample and append one token at a time, reporting each token and
 * its text delta to a {@link io.reasoner.engine.decode.TokenListener} as soon as it is decoded. The loop knows
 * nothing of where tokens go.
 */
package io.reasoner.engine.decode;
