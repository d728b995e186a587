package io.reasoner.worker;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Worker settings under {@code reasoner.worker}.
 *
 * @param modelPath        the GGUF model file to serve (required)
 * @param workerId         stable id for heartbeats and the control-topic consumer group; generated if blank
 * @param slots            requests served at once: each has a thread of its own, and their sequences are decoded
 *                         together, one shared forward pass per step
 * @param maxSequenceTokens tokens one request may hold (prompt, thinking, answer and injected delimiters): the
 *                         size of its KV-cache slot; 0 means the model's context length, capped at 8192 so a
 *                         long-context model does not reserve gigabytes per slot by default
 * @param kvBudget         KV-cache memory for all slots together; start-up fails if it cannot hold {@code slots}
 *                         slots of {@code maxSequenceTokens}
 * @param prefillChunkTokens prompt tokens prefilled per step, so a long prompt delays the others by about one
 *                         chunk's work per step rather than by its whole prefill
 * @param gatherWindow     how long a step waits for request threads that are not back yet (publishing, a GC
 *                         pause) before it runs without them
 * @param pollTimeout      the longest one poll of the request topics blocks; how soon a freed slot is refilled
 * @param drainGrace       on SIGTERM, how long requests in flight may run on before they are handed over to other
 *                         workers through the chunk log
 * @param handoverWait     how long a handover waits for its requests to stop (they stop within one step)
 * @param device           where the model runs: {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}; a GPU
 *                         needs the worker built with {@code -Ptorch-cuda} (see {@code engine/GPU.md})
 * @param dtype            compute type: {@code auto} (F32 on a CPU; on a GPU F16 when the matrices are stored F16,
 *                         else F32), {@code f32} or {@code f16}. A BF16 checkpoint too large for the GPU in F32
 *                         (a 32B model) needs {@code f16}: DJL 0.36 cannot compute in BF16
 * @param flushEveryTokens emit a chunk after this many tokens …
 * @param flushEvery       … or once its oldest token is this old, whichever comes first
 * @param publishTimeout   how long to wait for the broker to acknowledge a request's chunks and result
 * @param stepTimeout      how long a sequence waits for its logits from the batched step before its request fails
 *                         (a stuck forward pass); a step of every slot on a slow device, not a broker wait
 * @param statsInterval    how often to publish a {@code WorkerStats} heartbeat
 * @param thinkingFormat   the model's thinking delimiters: {@code auto} (think tags when {@code </think>} is one
 *                         token of the vocabulary, else plain), {@code think-tags} (Qwen3, R1 distills),
 *                         {@code s1} ({@code <|im_start|>think} … {@code <|im_start|>answer}) or {@code plain}
 * @param plainEndText     for the plain format (a base model without a thinking template), the text that ends
 *                         thinking and that the forcer appends to close it
 */
@ConfigurationProperties("reasoner.worker")
public record WorkerProperties(
        Path modelPath,
        @DefaultValue("") String workerId,
        @DefaultValue("2") int slots,
        @DefaultValue("0") int maxSequenceTokens,
        @DefaultValue("2GB") DataSize kvBudget,
        @DefaultValue("64") int prefillChunkTokens,
        @DefaultValue("2ms") Duration gatherWindow,
        @DefaultValue("100ms") Duration pollTimeout,
        @DefaultValue("30s") Duration drainGrace,
        @DefaultValue("10s") Duration handoverWait,
        @DefaultValue("cpu") String device,
        @DefaultValue("auto") String dtype,
        @DefaultValue("8") int flushEveryTokens,
        @DefaultValue("50ms") Duration flushEvery,
        @DefaultValue("30s") Duration publishTimeout,
        @DefaultValue("30s") Duration stepTimeout,
        @DefaultValue("1s") Duration statsInterval,
        @DefaultValue("auto") String thinkingFormat,
        @DefaultValue("\n") String plainEndText) {

    public WorkerProperties {
        if (modelPath == null) {
            throw new IllegalArgumentException(
                    "reasoner.worker.model-path must be set to a GGUF model file (e.g. --reasoner.worker.model-path=…)");
        }
        if (slots < 1 || slots > 256) {
            throw new IllegalArgumentException("reasoner.worker.slots must be in [1, 256], was " + slots);
        }
        if (maxSequenceTokens < 0) {
            throw new IllegalArgumentException("reasoner.worker.max-sequence-tokens must be >= 0 (0: the model's "
                    + "context, at most 8192), was " + maxSequenceTokens);
        }
        if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("reasoner.worker.step-timeout must be positive, was " + stepTimeout);
        }
        if (prefillChunkTokens < 1) {
            throw new IllegalArgumentException("reasoner.worker.prefill-chunk-tokens must be >= 1, was "
                    + prefillChunkTokens);
        }
    }
}
