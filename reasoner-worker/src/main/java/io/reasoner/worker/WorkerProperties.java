package io.reasoner.worker;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Worker settings under {@code reasoner.worker}.
 *
 * @param modelPath        the GGUF model file to serve (required)
 * @param workerId         stable id for heartbeats and the control-topic consumer group; generated if blank
 * @param slots            sequences decoded at once; one Kafka consumer thread per slot
 * @param flushEveryTokens emit a chunk after this many tokens …
 * @param flushEvery       … or once its oldest token is this old, whichever comes first
 * @param publishTimeout   how long to wait for the broker to acknowledge a request's chunks and result
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
        @DefaultValue("8") int flushEveryTokens,
        @DefaultValue("50ms") Duration flushEvery,
        @DefaultValue("30s") Duration publishTimeout,
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
    }
}
