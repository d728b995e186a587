package io.reasoner.engine.decode;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.tokenizer.StreamingDetokenizer;
import java.time.Duration;
import java.util.Objects;

/**
 * Plain autoregressive decoding: prefill, then sample → report → append until EOS, the token limit, the context
 * length or the listener says stop. Each token reaches the listener before the next forward pass starts.
 *
 * <p>If generation ends in the middle of a character spread over byte tokens, those bytes are dropped: the
 * listener never sees a partial character.
 *
 * <p>Stateless apart from its collaborators; {@link #generate} may run concurrently for different requests if
 * each call gets its own sampler.
 */
public final class DecodingLoop {

    private final LanguageModel model;
    private final Ticker ticker;

    public DecodingLoop(LanguageModel model, Ticker ticker) {
        this.model = Objects.requireNonNull(model, "model");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    public DecodingLoop(LanguageModel model) {
        this(model, Ticker.system());
    }

    /**
     * @throws io.reasoner.engine.model.SequenceCapacityException if the prompt alone exceeds the context length
     */
    public GenerationResult generate(GenerationRequest request, Sampler sampler, TokenListener listener) {
        int[] prompt = request.promptTokens();
        int eos = model.info().eosToken();
        // Room for the prompt plus every generated token but the last, which is reported and never fed back.
        long wanted = (long) prompt.length + request.maxNewTokens() - 1;
        int capacity = (int) Math.max(1, Math.min(wanted, model.info().contextLength()));
        StreamingDetokenizer detokenizer = model.tokenizer().newDetokenizer();
        detokenizer.skip(prompt);

        try (Sequence sequence = model.newSequence(capacity)) {
            long start = ticker.read();
            float[] logits = sequence.prefill(prompt);
            long decodeStart = ticker.read();
            Duration prefillTime = Duration.ofNanos(decodeStart - start);

            long decodeNanos = 0;
            long mark = decodeStart;
            int generated = 0;
            StopReason reason;
            while (true) {
                int token = sampler.sample(logits);
                decodeNanos += ticker.read() - mark;
                if (token == eos) {
                    reason = StopReason.END_OF_SEQUENCE;
                    break;
                }
                generated++;
                if (!listener.onToken(token, detokenizer.accept(token))) {
                    reason = StopReason.STOPPED_BY_LISTENER;
                    break;
                }
                if (generated == request.maxNewTokens()) {
                    reason = StopReason.MAX_TOKENS;
                    break;
                }
                if (sequence.length() == sequence.capacity()) {
                    reason = StopReason.CONTEXT_FULL;
                    break;
                }
                mark = ticker.read();
                logits = sequence.step(token);
            }
            return new GenerationResult(prompt.length, generated, reason, prefillTime, Duration.ofNanos(decodeNanos));
        }
    }
}
