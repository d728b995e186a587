package io.reasoner.worker;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.reasoner.engine.batch.BatchConfig;
import io.reasoner.engine.batch.BatchingModel;
import io.reasoner.engine.budget.ThinkingFormat;
import io.reasoner.engine.model.ComputeDtype;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.LoadOptions;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.sampling.SamplingParams;
import io.reasoner.engine.weights.LoadReport;
import io.reasoner.kafka.EventPublisher;
import io.reasoner.kafka.KeyedLogScan;
import io.reasoner.protocol.EventCodec;
import io.reasoner.worker.intake.RequestIntake;
import io.reasoner.worker.intake.SlotPool;
import io.reasoner.worker.kafka.BudgetPolicies;
import io.reasoner.worker.kafka.CancellationRegistry;
import io.reasoner.worker.kafka.ChunkLog;
import io.reasoner.worker.kafka.ControlListener;
import io.reasoner.worker.kafka.DeadLetters;
import io.reasoner.worker.kafka.RequestServer;
import io.reasoner.worker.tracing.TracingRequestHandler;
import io.reasoner.worker.kafka.WorkerMetrics;
import io.reasoner.worker.kafka.WorkerStatsPublisher;
import io.reasoner.worker.session.PromptRenderer;
import io.reasoner.worker.session.ReasoningSession;
import io.reasoner.worker.session.SamplerFactory;

@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    /** Without a setting, a sequence may fill the model's context, up to this many tokens. */
    static final int DEFAULT_MAX_SEQUENCE_TOKENS = 8192;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    String workerId(WorkerProperties properties) {
        return properties.workerId().isBlank() ? "worker-" + ManagementFactory.getRuntimeMXBean().getName()
                : properties.workerId();
    }

    /**
     * Loaded before the intake starts, so a worker is ready only once its model is. Primary: where a bean asks for
     * a {@link LanguageModel} it gets the model itself (its name, tokenizer, load report); decoding goes through
     * the {@link BatchingModel} that wraps it.
     */
    @Bean(destroyMethod = "close")
    @Primary
    LanguageModel languageModel(WorkerProperties properties) throws java.io.IOException {
        ComputeDtype dtype = switch (properties.dtype()) {
            case "auto" -> ComputeDtype.AUTO;
            case "f32" -> ComputeDtype.F32;
            case "f16" -> ComputeDtype.F16;
            default -> throw new IllegalArgumentException("reasoner.worker.dtype must be one of [auto, f32, f16], was "
                    + properties.dtype());
        };
        return ModelLoader.load(properties.modelPath(),
                LoadOptions.defaults().withDevice(properties.device()).withDtype(dtype));
    }

    /**
     * Every request's sequence is decoded in one shared forward pass per step. All KV-cache slots are allocated
     * here, so a worker that cannot afford its configured slots fails at start-up, not under load.
     */
    @Bean(destroyMethod = "close")
    BatchingModel batchingModel(LanguageModel model, WorkerProperties properties) {
        int context = model.info().contextLength();
        int sequenceTokens = properties.maxSequenceTokens() == 0
                ? Math.min(context, DEFAULT_MAX_SEQUENCE_TOKENS) : properties.maxSequenceTokens();
        BatchConfig config = new BatchConfig(properties.slots(), sequenceTokens, properties.prefillChunkTokens(),
                properties.kvBudget().toBytes());
        BatchingModel batching = BatchingModel.open(model, config, properties.gatherWindow(),
                properties.stepTimeout());
        if (batching.slots() < properties.slots()) {
            int affordable = batching.slots();
            batching.close();
            throw new IllegalStateException("reasoner.worker.kv-budget (" + properties.kvBudget() + ") holds only "
                    + affordable + " KV-cache slot(s) of " + sequenceTokens + " tokens, but reasoner.worker.slots is "
                    + properties.slots() + "; raise the budget, or lower slots or max-sequence-tokens");
        }
        return batching;
    }

    @Bean
    SamplerFactory samplerFactory() {
        // Each token's draw is a function of (seed, position), so a request resumed on another worker samples the
        // tokens the first would have. Without a seed, one is derived from the request id.
        return (sampling, requestId) -> sampling.greedy() ? Sampler.greedy()
                : Sampler.seeded(new SamplingParams((float) sampling.temperature(), (float) sampling.topP()),
                        sampling.seed() != null ? sampling.seed() : requestId.hashCode());
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
    ReasoningSession reasoningSession(BatchingModel model, ThinkingFormat format, SamplerFactory samplers,
            WorkerProperties properties, Clock clock) {
        return new ReasoningSession(model, model.slotCapacity(), format,
                PromptRenderer.forModel(properties.modelPath()), samplers, properties.flushEveryTokens(),
                properties.flushEvery().toMillis(), clock::millis);
    }

    @Bean
    CancellationRegistry cancellationRegistry() {
        return new CancellationRegistry(100_000);
    }

    @Bean(destroyMethod = "close")
    SlotPool slotPool(WorkerProperties properties) {
        return new SlotPool(properties.slots());
    }

    @Bean
    WorkerMetrics workerMetrics(MeterRegistry registry) {
        return new WorkerMetrics(registry);
    }

    /** Its own producer (raw bytes, not events), closed with the context so a pending dead letter is flushed. */
    @Bean(destroyMethod = "close")
    DeadLetters deadLetters(KafkaProperties kafka, WorkerProperties properties) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, DeadLetters.CLIENT_ID); // names its threads in a dump
        var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        return new DeadLetters(new KafkaTemplate<>(factory), factory::destroy, properties.publishTimeout().toMillis());
    }

    /** Its own consumer, in no group: it reads one request's records back by partition and offset. */
    @Bean(destroyMethod = "close")
    ChunkLog chunkLog(KafkaProperties kafka, EventCodec codec) {
        Map<String, Object> config = KeyedLogScan.consumerConfig(kafka.buildConsumerProperties());
        return new ChunkLog(new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()), codec,
                Duration.ofMinutes(1), Duration.ofSeconds(30));
    }

    @Bean
    BudgetPolicies budgetPolicies(EventCodec codec, Clock clock) {
        return new BudgetPolicies(codec, clock);
    }

    @Bean
    RequestServer requestServer(ReasoningSession session, EventPublisher publisher, DeadLetters deadLetters,
            BudgetPolicies policies, ChunkLog chunkLog, EventCodec codec, CancellationRegistry cancellations,
            WorkerProperties properties, LanguageModel model, WorkerMetrics metrics, Clock clock) {
        return new RequestServer(session, publisher, deadLetters, policies, chunkLog, codec, cancellations,
                properties, model.info().name(), metrics, clock);
    }

    /**
     * The request consumer: the group {@code reasoner-workers}, offsets committed by the intake only (never
     * automatically), at most one record per slot per poll.
     */
    @Bean
    RequestIntake requestIntake(KafkaProperties kafka, RequestServer server, SlotPool slots,
            WorkerProperties properties, WorkerMetrics metrics, EventCodec codec, Tracer tracer, LanguageModel model) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reasoner-workers");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.slots());
        // Cooperative: a worker joining or leaving moves only the partitions that change owner, so the others'
        // running requests are not all handed over at every membership change.
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        RequestIntake intake = new RequestIntake(
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                new TracingRequestHandler(server, codec, tracer, model.info().name()),
                slots, new RequestIntake.IntakeSettings(properties.pollTimeout(), properties.drainGrace(),
                        properties.handoverWait()));
        metrics.gauges(slots::used, slots::total, intake::queueLag);
        return intake;
    }

    @Bean
    HealthIndicator requestIntakeHealthIndicator(RequestIntake intake) {
        return () -> intake.isAssigned() ? Health.up().build()
                : Health.outOfService().withDetail("reason", "request consumer has not joined its group yet").build();
    }

    @Bean
    WorkerStatsPublisher workerStatsPublisher(EventPublisher publisher, SlotPool slots, RequestIntake intake,
            WorkerMetrics metrics, String workerId, LanguageModel model, Clock clock) {
        String device = model.loadReport().map(LoadReport::device).orElse("cpu");
        return new WorkerStatsPublisher(publisher, slots, intake::queueLag, metrics::tokensTotal, workerId,
                model.info().name(), device, clock);
    }

    @Bean
    ControlListener controlListener(CancellationRegistry cancellations, EventCodec codec) {
        return new ControlListener(cancellations, codec);
    }
}
