package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.reasoner.launcher.broker.BrokerSettings;
import io.reasoner.launcher.broker.KafkaBrokerProcess;
import io.reasoner.launcher.broker.RunningBroker;
import io.reasoner.launcher.broker.TopicInitializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Workers that die: real worker processes against a real broker process, killed with SIGKILL or stopped with
 * SIGTERM mid-request. Every request must end with a result, its chunks gap-free and without duplicates, and its
 * greedy text identical to a run where nothing was killed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 12, unit = TimeUnit.MINUTES) // three worker JVMs, restarted repeatedly, on a small machine
class WorkerFailureTest {

    private static final int REQUESTS = 50;
    private static final String[] OPENINGS = {"Once upon a time", "The little dog", "Tom and Sue", "One day, a big",
            "The sun was", "A girl named Amy", "There was a bird", "Max liked to"};

    private final JsonMapper json = JsonMapper.builder().build();
    private RunningBroker broker;
    private WorkerProcesses workers;
    private final Map<String, String> reference = new HashMap<>(); // by prompt and budget

    @BeforeAll
    void startBrokerAndWorkers(@TempDir Path data, @TempDir Path logs) {
        broker = KafkaBrokerProcess.start(BrokerSettings.ephemeral(data, Path.of(System.getProperty("reasoner.root"))));
        TopicInitializer.createAll(broker.bootstrapServers());
        workers = new WorkerProcesses(broker.bootstrapServers(), TestModels.stories260K(), logs,
                "--reasoner.worker.slots=2", "--reasoner.worker.drain-grace=1s");
        startAll("w1", "w2", "w3");
    }

    /** The text every request gets when nothing is disturbed; each test compares against it. */
    private Map<String, String> reference() throws Exception {
        if (reference.isEmpty()) {
            Map<String, Run> undisturbed = runAll("ref", () -> { });
            assertComplete(undisturbed, null);
            undisturbed.forEach((id, run) -> reference.put(prompt(id), run.text()));
            assertThat(reference).hasSize(40); // 8 openings x 5 budgets
        }
        return reference;
    }

    @AfterAll
    void stop() {
        if (workers != null) {
            workers.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void killingWorkersMidRequest_losesAndDuplicatesNothing_andGreedyTextMatchesAnUndisturbedRun() throws Exception {
        Map<String, String> expected = reference();
        SplittableRandom random = new SplittableRandom(42);
        ExecutorService restarts = Executors.newCachedThreadPool();
        int[] kills = {0};
        try {
            Map<String, Run> chaos = runAll("chaos", () -> {
                List<String> ready = workers.ready(); // one always keeps serving while the others restart
                if (ready.size() >= 2 && kills[0] < 8) { // bounded: each kill and restart moves partitions
                    String victim = ready.get(random.nextInt(ready.size()));
                    workers.kill(victim);
                    kills[0]++;
                    restarts.submit(() -> workers.start(victim));
                }
            });
            List<String> resumed = workers.logLines().stream().filter(line -> line.contains("resuming request chaos-"))
                    .toList();
            long duplicated = chaos.values().stream().mapToLong(Run::duplicates).sum();
            System.out.printf("chaos: requests=%d kills=%d resumptions=%d lost=%d duplicated=%d%n", chaos.size(),
                    kills[0], resumed.size(), REQUESTS - chaos.size(), duplicated);

            assertThat(kills[0]).isGreaterThanOrEqualTo(2);
            assertThat(resumed).isNotEmpty();
            assertComplete(chaos, expected);
        } finally {
            restarts.shutdown();
            restarts.awaitTermination(3, TimeUnit.MINUTES);
            startAll(missing("w1", "w2", "w3"));
        }
    }

    @Test
    void sigterm_drainsThenHandsOver_andNothingIsLostOrDuplicated() throws Exception {
        Map<String, String> expected = reference();
        boolean[] terminated = {false};
        ExecutorService restarts = Executors.newSingleThreadExecutor();
        try {
            Map<String, Run> runs = runAll("term", () -> {
                if (!terminated[0]) {
                    terminated[0] = true;
                    assertThat(workers.terminate("w2", Duration.ofSeconds(60))).as("w2 exits on SIGTERM").isTrue();
                    restarts.submit(() -> workers.start("w2"));
                }
            });
            assertThat(terminated[0]).isTrue();
            assertComplete(runs, expected);
        } finally {
            restarts.shutdown();
            restarts.awaitTermination(4, TimeUnit.MINUTES);
        }
    }

    @Test
    void poisonLateAndCancelledRequests_endWithTheirReasons_andTheWorkerProcessesServeOn() throws Exception {
        String servers = broker.bootstrapServers();
        Map<String, Run> runs = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(servers, "bad");
                KafkaProducer<String, String> producer = producer(servers)) {
            consumer.subscribe(List.of("reasoning.chunks", "reasoning.results", "reasoning.requests.dlt"));
            awaitAssignment(consumer);
            long now = Instant.now().toEpochMilli();
            Map<String, String> requests = new LinkedHashMap<>();
            requests.put("bad-poison", "{\"requestId\": 42");
            requests.put("bad-late", """
                    {"requestId":"bad-late","prompt":"The cat","budget":{"maxThinkingTokens":8,"maxAnswerTokens":4},
                     "deadlineMs":%d}""".formatted(now - 1));
            requests.put("bad-cancelled", """
                    {"requestId":"bad-cancelled","prompt":"Once upon a time","createdAtMs":%d,
                     "budget":{"maxThinkingTokens":430,"minThinkingTokens":430,"maxAnswerTokens":64}}"""
                    .formatted(now));
            requests.put("bad-fine", """
                    {"requestId":"bad-fine","prompt":"The dog","createdAtMs":%d,
                     "budget":{"maxThinkingTokens":8,"maxAnswerTokens":4}}""".formatted(now));
            for (Map.Entry<String, String> request : requests.entrySet()) {
                runs.put(request.getKey(), new Run());
                producer.send(new ProducerRecord<>("reasoning.requests", request.getKey(), request.getValue())).get();
            }
            List<String> deadLetters = new ArrayList<>();
            boolean cancelSent = false;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline && runs.values().stream().anyMatch(run -> run.result() == null)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals("reasoning.requests.dlt")) {
                        deadLetters.add(record.key());
                    } else if (runs.containsKey(record.key())) {
                        runs.get(record.key()).add(record.topic(), json.readTree(record.value()));
                    }
                }
                if (!cancelSent && !runs.get("bad-cancelled").seqs().isEmpty()) {
                    producer.send(new ProducerRecord<>("reasoning.control", "bad-cancelled", """
                            {"requestId":"bad-cancelled","action":"cancel","reason":"test","issuedAtMs":%d}"""
                            .formatted(Instant.now().toEpochMilli()))).get();
                    cancelSent = true;
                }
            }
            assertThat(deadLetters).containsExactly("bad-poison");
        }
        assertThat(runs.get("bad-poison").result().get("status").asString()).isEqualTo("failed");
        assertThat(runs.get("bad-late").result().get("finishReason").asString()).isEqualTo("deadline");
        JsonNode cancelled = runs.get("bad-cancelled").result();
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("usage").get("thinkingTokens").asInt()).isLessThan(430);
        assertThat(runs.get("bad-fine").result().get("status").asString()).isEqualTo("done");
    }

    /** Every request has a done result and gap-free chunks without duplicates; its text, if given, as expected. */
    private static void assertComplete(Map<String, Run> runs, Map<String, String> expected) {
        assertThat(runs).hasSize(REQUESTS);
        for (Map.Entry<String, Run> entry : runs.entrySet()) {
            Run run = entry.getValue();
            assertThat(run.result().get("status").asString()).as(entry.getKey()).isEqualTo("done");
            assertThat(run.duplicates()).as("duplicate seqs of %s", entry.getKey()).isZero();
            assertThat(run.seqs()).as("seqs of %s", entry.getKey())
                    .containsExactlyElementsOf(range(run.result().get("chunkCount").asLong()));
            if (expected != null) {
                assertThat(run.text()).as("text of %s", entry.getKey())
                        .isEqualTo(expected.get(prompt(entry.getKey())));
            }
        }
    }

    /** Produces the requests, calls {@code disturb} every few seconds until all results are in, collects them. */
    private Map<String, Run> runAll(String prefix, Runnable disturb) throws Exception {
        String servers = broker.bootstrapServers();
        Map<String, Run> runs = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(servers, prefix);
                KafkaProducer<String, String> producer = producer(servers)) {
            consumer.subscribe(List.of("reasoning.chunks", "reasoning.results"));
            awaitAssignment(consumer);
            for (int i = 0; i < REQUESTS; i++) {
                String id = prefix + "-" + i;
                runs.put(id, new Run());
                producer.send(new ProducerRecord<>("reasoning.requests", id, """
                        {"requestId":"%s","prompt":"%s","sampling":{"temperature":0.0,"topP":1.0},
                         "budget":{"maxThinkingTokens":%d,"minThinkingTokens":%d,"maxAnswerTokens":12},
                         "createdAtMs":%d}""".formatted(id, OPENINGS[i % OPENINGS.length], thinkingCap(i),
                        thinkingCap(i), Instant.now().toEpochMilli()))).get();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            // Early and often: the first kills must land while every worker still has requests mid-stream.
            long nextDisturbance = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < deadline && runs.values().stream().anyMatch(run -> !run.complete())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Run run = runs.get(record.key());
                    if (run != null) {
                        run.add(record.topic(), json.readTree(record.value()));
                    }
                }
                if (System.nanoTime() > nextDisturbance) {
                    disturb.run();
                    nextDisturbance = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        runs.values().removeIf(run -> run.result() == null);
        return runs;
    }

    private void startAll(String... names) {
        List<CompletableFuture<?>> starts = new ArrayList<>();
        for (String name : names) {
            starts.add(CompletableFuture.runAsync(() -> workers.start(name)));
        }
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).orTimeout(4, TimeUnit.MINUTES).join();
    }

    private String[] missing(String... names) {
        List<String> alive = workers.alive();
        return java.util.Arrays.stream(names).filter(name -> !alive.contains(name)).toArray(String[]::new);
    }

    private static String prompt(String id) {
        int i = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        return OPENINGS[i % OPENINGS.length] + "/" + thinkingCap(i);
    }

    /**
     * Thinking is forced to the cap (minimum = cap), so each request streams for hundreds of tokens and the run
     * lasts long enough, even on a fast machine, for kills to land mid-request.
     */
    private static int thinkingCap(int i) {
        return 240 + (i % 5) * 16;
    }

    private static List<Long> range(long count) {
        return java.util.stream.LongStream.range(0, count).boxed().toList();
    }

    private static void awaitAssignment(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
    }

    private static KafkaConsumer<String, String> consumer(String servers, String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "failure-test-" + group,
                // From the start: a "latest" consumer that joins just before the requests go out can miss their
                // first chunks; ids are unique per run, so earlier runs' records are skipped by key.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer(String servers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer());
    }

    /** One request as a client reading the log sees it. */
    private static final class Run {
        private final List<Long> seqsInLogOrder = new ArrayList<>();
        private final TreeMap<Long, String> textBySeq = new TreeMap<>();
        private JsonNode result;

        void add(String topic, JsonNode value) {
            if (topic.equals("reasoning.results")) {
                result = value;
                return;
            }
            long seq = value.get("seq").asLong();
            seqsInLogOrder.add(seq);
            textBySeq.putIfAbsent(seq, value.get("text").asString());
        }

        boolean complete() {
            return result != null && textBySeq.size() >= result.get("chunkCount").asLong();
        }

        JsonNode result() {
            return result;
        }

        long duplicates() {
            return seqsInLogOrder.size() - textBySeq.size();
        }

        List<Long> seqs() {
            return List.copyOf(textBySeq.keySet());
        }

        String text() {
            return String.join("", textBySeq.values());
        }
    }
}
