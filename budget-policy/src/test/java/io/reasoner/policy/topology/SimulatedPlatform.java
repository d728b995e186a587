package io.reasoner.policy.topology;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import io.reasoner.protocol.Budget;
import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Forcing;
import io.reasoner.protocol.Priority;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.ReasoningTopic;
import io.reasoner.protocol.Usage;
import io.reasoner.protocol.WorkerStats;

/**
 * The environment of the topology under test, not a copy of it: one worker with a fixed number of slots, each
 * decoding a fixed number of tokens per second, serving a queue interactive-first, and granting each request the
 * budget that the latest published policy of its tier gives ({@link BudgetPolicy#apply}). Every simulated second
 * it publishes a heartbeat, the second's arrivals and the results of requests that finished, all with explicit
 * timestamps, through a {@link TopologyTestDriver} running {@link PolicyTopology#build}. Requests think up to
 * their granted cap (the worst case for load).
 */
final class SimulatedPlatform implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final EventCodec codec = new EventCodec();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> requests;
    private final TestInputTopic<String, byte[]> results;
    private final TestInputTopic<String, byte[]> stats;
    private final TestInputTopic<String, byte[]> overrides;
    private final TestOutputTopic<String, byte[]> policyTopic;
    private final int slots;
    private final int tokensPerSecondPerSlot;
    private final Map<Priority, Deque<Job>> queues = new EnumMap<>(Priority.class);
    private final Job[] running;
    private final Map<Priority, BudgetPolicy> latest = new EnumMap<>(Priority.class);
    private final List<BudgetPolicy> published = new ArrayList<>();
    private long second;
    private int nextId;

    private static final class Job {
        final ReasoningRequest request;
        final Budget granted;
        int left;

        Job(ReasoningRequest request, Budget granted) {
            this.request = request;
            this.granted = granted;
            this.left = granted.maxThinkingTokens() + granted.maxAnswerTokens();
        }
    }

    SimulatedPlatform(Path stateDir, PolicySettings settings, int slots, int tokensPerSecondPerSlot) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "policy-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(PolicyTopology.build(settings), config);
        StringSerializer keys = new StringSerializer();
        ByteArraySerializer values = new ByteArraySerializer();
        requests = driver.createInputTopic(ReasoningTopic.REQUESTS.topicName(), keys, values);
        results = driver.createInputTopic(ReasoningTopic.RESULTS.topicName(), keys, values);
        stats = driver.createInputTopic(ReasoningTopic.WORKER_STATS.topicName(), keys, values);
        overrides = driver.createInputTopic(PolicyTopology.OVERRIDES_TOPIC, keys, values);
        policyTopic = driver.createOutputTopic(ReasoningTopic.BUDGET_POLICY.topicName(), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.slots = slots;
        this.tokensPerSecondPerSlot = tokensPerSecondPerSlot;
        this.running = new Job[slots];
        for (Priority tier : Priority.values()) {
            queues.put(tier, new ArrayDeque<>());
        }
    }

    TopologyTestDriver driver() {
        return driver;
    }

    long nowMs() {
        return T0.toEpochMilli() + second * 1000;
    }

    /** One simulated second: {@code count} arrivals of the given budget, then a second of decoding. */
    void second(Priority tier, int count, int thinking, int answer) {
        secondOf(Map.of(tier, new int[] {count, thinking, answer}));
    }

    /** One simulated second with arrivals per tier ({count, thinking, answer}). */
    void secondOf(Map<Priority, int[]> arrivals) {
        long now = nowMs();
        arrivals.forEach((tier, spec) -> {
            for (int i = 0; i < spec[0]; i++) {
                arrive(tier, Budget.of(spec[1], spec[2]), now);
            }
        });
        int busy = 0;
        int decoded = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (running[slot] == null) {
                running[slot] = nextJob();
            }
            if (running[slot] == null) {
                continue;
            }
            busy++;
            int budget = tokensPerSecondPerSlot;
            while (running[slot] != null && budget > 0) {
                Job job = running[slot];
                int step = Math.min(budget, job.left);
                job.left -= step;
                budget -= step;
                decoded += step;
                if (job.left == 0) {
                    // At most the heartbeat's time, so that no result belongs to a window the heartbeat may close.
                    finish(job, Math.min(now + 999, now + 1000 - budget * 1000L / tokensPerSecondPerSlot));
                    running[slot] = nextJob();
                }
            }
        }
        stats.pipeInput("w-1", codec.encode(new WorkerStats("w-1", "m", "cpu", busy, slots, decoded, 0, now + 999)),
                Instant.ofEpochMilli(now + 999));
        second++;
        readPolicies();
    }

    void idleSeconds(int seconds) {
        for (int i = 0; i < seconds; i++) {
            secondOf(Map.of());
        }
    }

    void override(Priority tier, PolicyOverride override) {
        overrides.pipeInput(PolicyTopology.tierKey(tier),
                override == null ? null : JsonSerde.of(PolicyOverride.class).serializer().serialize("t", override),
                Instant.ofEpochMilli(nowMs()));
        readPolicies();
    }

    void pipeRaw(String topic, String key, byte[] value) {
        TestInputTopic<String, byte[]> input = switch (topic) {
            case "requests" -> requests;
            case "results" -> results;
            default -> stats;
        };
        input.pipeInput(key, value, Instant.ofEpochMilli(nowMs()));
    }

    /** Every policy published so far, in order. */
    List<BudgetPolicy> published() {
        return published;
    }

    List<BudgetPolicy> published(Priority tier) {
        return published.stream().filter(policy -> policy.tier() == tier).toList();
    }

    BudgetPolicy latest(Priority tier) {
        return latest.get(tier);
    }

    private void arrive(Priority tier, Budget asked, long now) {
        String id = "r-" + nextId++;
        ReasoningRequest request = new ReasoningRequest(id, "t", null, "q", null, asked, null, tier, null, Map.of(),
                now);
        requests.pipeInput(id, codec.encode(request), Instant.ofEpochMilli(now));
        BudgetPolicy policy = latest.get(tier);
        Budget granted = policy == null ? asked : policy.apply(asked, now);
        queues.get(tier).add(new Job(request, granted));
    }

    private Job nextJob() {
        for (Priority tier : Priority.values()) {
            if (!queues.get(tier).isEmpty()) {
                return queues.get(tier).poll();
            }
        }
        return null;
    }

    private void finish(Job job, long at) {
        ReasoningRequest request = job.request;
        ReasoningResult result = new ReasoningResult(request.requestId(), "t", ResultStatus.DONE, "", "",
                FinishReason.LENGTH, new Usage(1, job.granted.maxThinkingTokens(), job.granted.maxAnswerTokens()),
                job.granted, Forcing.NONE, 0, null, "m", Map.of(), at);
        results.pipeInput(request.requestId(), codec.encode(result), Instant.ofEpochMilli(at));
    }

    private void readPolicies() {
        for (byte[] value : policyTopic.readValuesToList()) {
            BudgetPolicy policy = codec.decode(value, BudgetPolicy.class);
            latest.put(policy.tier(), policy);
            published.add(policy);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
