package io.reasoner.worker;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.SplittableRandom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.reasoner.engine.budget.ThinkingFormat;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.sampling.SamplingParams;
import io.reasoner.kafka.EventPublisher;
import io.reasoner.protocol.EventCodec;
import io.reasoner.worker.kafka.CancellationRegistry;
import io.reasoner.worker.kafka.ControlListener;
import io.reasoner.worker.kafka.RequestListener;
import io.reasoner.worker.kafka.WorkerStatsPublisher;
import io.reasoner.worker.session.PromptRenderer;
import io.reasoner.worker.session.ReasoningSession;
import io.reasoner.worker.session.SamplerFactory;

@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    String workerId(WorkerProperties properties) {
        return properties.workerId().isBlank() ? "worker-" + ManagementFactory.getRuntimeMXBean().getName()
                : properties.workerId();
    }

    /** Loaded before the listeners start, so a worker is ready only once its model is. */
    @Bean(destroyMethod = "close")
    LanguageModel languageModel(WorkerProperties properties) throws java.io.IOException {
        return ModelLoader.load(properties.modelPath());
    }

    @Bean
    SamplerFactory samplerFactory() {
        // Without a seed, derive one from the request id: a redelivered request then samples the same tokens.
        return (sampling, requestId) -> sampling.greedy() ? Sampler.greedy()
                : Sampler.of(new SamplingParams((float) sampling.temperature(), (float) sampling.topP()),
                        new SplittableRandom(sampling.seed() != null ? sampling.seed() : requestId.hashCode()));
    }

    @Bean
    ThinkingFormat thinkingFormat(LanguageModel model, WorkerProperties properties) {
        var tokenizer = model.tokenizer();
        return switch (properties.thinkingFormat()) {
            case "think-tags" -> ThinkingFormat.thinkTags(tokenizer);
            case "s1" -> ThinkingFormat.s1(tokenizer);
            case "plain" -> ThinkingFormat.plain(tokenizer, properties.plainEndText());
            case "auto" -> tokenizer.encode("</think>", false).length == 1 ? ThinkingFormat.thinkTags(tokenizer)
                    : ThinkingFormat.plain(tokenizer, properties.plainEndText());
            default -> throw new IllegalArgumentException("reasoner.worker.thinking-format must be one of "
                    + "[auto, think-tags, s1, plain], was " + properties.thinkingFormat());
        };
    }

    @Bean
    ReasoningSession reasoningSession(LanguageModel model, ThinkingFormat format, SamplerFactory samplers,
            WorkerProperties properties, Clock clock) {
        return new ReasoningSession(model, format, PromptRenderer.forModel(properties.modelPath()), samplers,
                properties.flushEveryTokens(), properties.flushEvery().toMillis(), clock::millis);
    }

    @Bean
    CancellationRegistry cancellationRegistry() {
        return new CancellationRegistry(100_000);
    }

    @Bean
    RequestListener.SlotGauge slotGauge(WorkerProperties properties) {
        return new RequestListener.SlotGauge(properties.slots());
    }

    @Bean
    WorkerStatsPublisher workerStatsPublisher(EventPublisher publisher, RequestListener.SlotGauge slots,
            String workerId, LanguageModel model, Clock clock) {
        // The worker loads its model with the loader's defaults, which place it on the CPU; GPU workers need a
        // device setting here first (see engine/GPU.md).
        return new WorkerStatsPublisher(publisher, slots, workerId, model.info().name(), "cpu", clock);
    }

    @Bean
    RequestListener requestListener(ReasoningSession session, EventPublisher publisher, EventCodec codec,
            CancellationRegistry cancellations, RequestListener.SlotGauge slots, WorkerProperties properties,
            LanguageModel model, WorkerStatsPublisher stats, Clock clock) {
        return new RequestListener(session, publisher, codec, cancellations, slots, properties, model.info().name(),
                stats, clock);
    }

    @Bean
    ControlListener controlListener(CancellationRegistry cancellations, EventCodec codec) {
        return new ControlListener(cancellations, codec);
    }
}
