package io.reasoner.it.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.reasoner.kafka.EventSerializer;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningEvent;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.Usage;

/**
 * How much latency one gateway adds to streamed chunks under many concurrent SSE streams, and what memory it needs.
 *
 * <p>The real gateway runs as its own process ({@code gateway/target/gateway-exec.jar}) against an in-JVM KRaft
 * broker. No worker runs: this class stands in for a very fast engine by publishing chunks for every stream to
 * {@code reasoning.chunks} at a fixed, even rate (streams staggered across the interval), each chunk's text carrying {@link System#nanoTime()} taken just before
 * the send. The SSE clients, in this same JVM (so the clocks agree), record receipt time minus send time: Kafka's
 * hop plus the gateway's consume, bookkeeping and SSE write, on loopback (127.0.0.1) only. A first chunk per stream
 * is a warm-up, not measured, so every stream is connected before measuring starts. Every loop is bounded in count
 * and time. Not a test: it asserts nothing and prints the figures (and the machine) for comparison.
 *
 * <p>After that first chunk, every stream gets {@code warm-up} more chunks at the same even rate, also not measured:
 * a gateway in service has run its hot paths long enough for the JIT to compile them, and a run that measures
 * its first seconds measures the compiler, which shares the cores with everything else here. The gateway's CPU
 * and histogram baselines are taken when the producer finishes the warm-up, so a few chunks then in flight count
 * towards the measured window.
 *
 * <p>Arguments (all optional): streams (200), measured chunks per stream (50), interval between a stream's chunks
 * in ms (200), warm-up chunks per stream (100). System property {@code bench.gateway-jvm-args} adds JVM options to
 * the gateway (e.g. a JFR recording). See docs/gateway.md for the command.
 */
public final class GatewayLoadBenchmark {

    private static final String KEY = "rsk_bench_0123456789abcdef01234567";
    private static final Pattern TEXT = Pattern.compile("\"text\":\"(\\d+)\"");
    private static final Duration RUN_BOUND = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int chunks = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        // 5 chunks/s per stream: a model writing ~40 tokens/s, flushed every 8 tokens (the worker's default).
        long intervalMs = args.length > 2 ? Long.parseLong(args[2]) : 200;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Path jar = Path.of(System.getProperty("reasoner.root", ".")).resolve("gateway/target/gateway-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + "; run the package phase first (see docs/gateway.md)");
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 12, "reasoning.requests",
                "reasoning.chunks", "reasoning.results", "reasoning.control");
        broker.afterPropertiesSet();
        Process gateway = null;
        try {
            int port = freePort();
            gateway = startGateway(jar, broker.getBrokersAsString(), port);
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(http, base, gateway);
            List<String> ids = submit(http, base, streams);
            run(http, base, broker.getBrokersAsString(), ids, chunks, warmup, intervalMs, gateway);
        } finally {
            if (gateway != null) {
                gateway.destroy();
                if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                    gateway.destroyForcibly();
                }
            }
            broker.destroy();
        }
    }

    private static void run(HttpClient http, String base, String servers, List<String> ids, int chunks, int warmup,
            long intervalMs, Process gateway) throws Exception {
        CountDownLatch warm = new CountDownLatch(ids.size());
        List<StreamReader> readers = new ArrayList<>();
        for (String id : ids) {
            StreamReader reader = new StreamReader(http, URI.create(base + "/v1/reasoning/" + id + "/events"), chunks,
                    warmup, warm);
            readers.add(reader);
            reader.start();
        }
        // Sampled off the producer's thread, so sampling does not disturb the send schedule.
        java.util.concurrent.atomic.AtomicReference<MemorySample> peak =
                new java.util.concurrent.atomic.AtomicReference<>(new MemorySample(0, 0));
        var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> peak.accumulateAndGet(MemorySample.of(http, base, gateway),
                MemorySample::max), 1, 1, TimeUnit.SECONDS);
        java.util.concurrent.CompletableFuture<Long> cpuBefore = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<DeliveryHistogram> deliveryBefore =
                new java.util.concurrent.CompletableFuture<>();
        try (KafkaProducer<String, ReasoningEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new EventSerializer())) {
            for (String id : ids) {
                producer.send(chunk(id, 0));
            }
            producer.flush();
            if (!warm.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(warm.getCount() + " streams got no warm-up chunk within 60 s");
            }
            // Streams are not in step: stream i sends its chunks at offsets i/streams of the interval, so the
            // load is an even rate, not a burst of every stream's chunk at each tick.
            long start = System.nanoTime();
            long total = (long) ids.size() * (warmup + chunks);
            long measuredFrom = (long) ids.size() * warmup;
            long gapNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs) / ids.size();
            for (long k = 0; k < total; k++) {
                long wait = start + k * gapNanos - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                if (k == measuredFrom) {
                    // Off the producer's thread, like the memory samples.
                    sampler.execute(() -> {
                        cpuBefore.complete(cpuMillis(gateway));
                        deliveryBefore.complete(DeliveryHistogram.scrape(http, base));
                    });
                }
                producer.send(chunk(ids.get((int) (k % ids.size())), (int) (k / ids.size()) + 1));
            }
            producer.flush();
            for (String id : ids) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("reasoning.results", id,
                        result(id, warmup + chunks + 1)));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + RUN_BOUND.toNanos();
        for (StreamReader reader : readers) {
            reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        long cpuStart = cpuBefore.get(30, TimeUnit.SECONDS);
        DeliveryHistogram deliveryStart = deliveryBefore.get(30, TimeUnit.SECONDS);
        sampler.shutdownNow();
        report(readers, ids.size(), chunks, warmup, intervalMs,
                peak.get().max(MemorySample.of(http, base, gateway)), cpuMillis(gateway) - cpuStart,
                DeliveryHistogram.scrape(http, base).minus(deliveryStart));
    }

    private static void report(List<StreamReader> readers, int streams, int chunks, int warmup, long intervalMs,
            MemorySample memory, long gatewayCpuMs, DeliveryHistogram delivery) {
        long[] all = readers.stream().flatMapToLong(r -> Arrays.stream(r.latencies, 0, r.received)).sorted().toArray();
        long done = readers.stream().filter(r -> r.done).count();
        System.out.printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf("load: %d SSE streams x %d measured chunks after %d warm-up chunks, one chunk per stream"
                + " every %d ms (%.0f chunks/s)%n", streams, chunks, warmup, intervalMs, streams * 1000.0 / intervalMs);
        System.out.printf("delivered: %d of %d chunks, %d of %d streams ended with done%n", all.length,
                (long) streams * chunks, done, streams);
        if (all.length > 0) {
            System.out.printf("latency send->SSE receipt (ms): p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                    ms(percentile(all, 50)), ms(percentile(all, 90)), ms(percentile(all, 99)), ms(all[all.length - 1]));
        }
        // The gateway's own histogram: the worker's (here the bench's) produce to the end of the SSE write, without
        // the client's side. Bucket bounds, so each percentile is "at most".
        if (delivery.total() > 0) {
            System.out.printf("gateway-added latency, produce->SSE write (gateway histogram, %d chunks): "
                    + "p50 <= %.1f ms  p99 <= %.1f ms  within 20 ms: %.2f%%%n", delivery.total(),
                    delivery.atMostMs(0.50), delivery.atMostMs(0.99), 100.0 * delivery.shareWithinMs(20));
        }
        System.out.printf("gateway process: heap used %.0f MB (peak sample), RSS %.0f MB (peak VmHWM)%n",
                memory.heapBytes() / 1e6, memory.rssBytes() / 1e6);
        // CPU time, unlike latency, barely depends on what else the machine runs: the gateway's own cost.
        System.out.printf("gateway CPU while measuring: %d ms user+system, %.1f ms per 1000 chunks delivered%n",
                gatewayCpuMs, all.length == 0 ? 0 : gatewayCpuMs * 1000.0 / all.length);
        System.out.printf("machine load average at the end: %s%n", loadAverage());
    }

    /** The process's user plus system CPU time so far, from /proc (Linux; clock ticks taken as 100 Hz). */
    private static long cpuMillis(Process process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static ProducerRecord<String, ReasoningEvent> chunk(String id, int seq) {
        return new ProducerRecord<>("reasoning.chunks", id,
                new ReasoningChunk(id, seq, Phase.THINKING, Long.toString(System.nanoTime()), seq + 1, 0));
    }

    private static ReasoningResult result(String id, long chunkCount) {
        return new ReasoningResult(id, "default", ResultStatus.DONE, "", "", FinishReason.STOP,
                new Usage(1, (int) chunkCount, 0), Budget.of(32768, 1), null, chunkCount, null, "bench", Map.of(),
                System.currentTimeMillis());
    }

    private static Process startGateway(Path jar, String servers, int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("gateway-bench", ".log");
        System.out.println("gateway log: " + log);
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        // e.g. -Dbench.gateway-jvm-args=-XX:StartFlightRecording=filename=gw.jfr to profile the gateway
        String extra = System.getProperty("bench.gateway-jvm-args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--spring.kafka.bootstrap-servers=" + servers,
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--reasoner.gateway.auth.keys[" + KEY + "]=default",
                // Admission would refuse more than 20 outstanding requests per tenant; all streams are one tenant.
                "--reasoner.gateway.admission.max-queued=100000", "--spring.jmx.enabled=false"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(HttpClient http, String base, Process gateway) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + gateway.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("the gateway was not ready within 120 s");
    }

    private static List<String> submit(HttpClient http, String base, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        Pattern idPattern = Pattern.compile("\"id\":\"([^\"]+)\"");
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/reasoning"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"bench " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = idPattern.matcher(response.body());
            if (response.statusCode() != 202 || !id.find()) {
                throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
            }
            ids.add(id.group(1));
        }
        return ids;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One SSE client: records the latency of every measured chunk, stops at {@code done} or after the bound. */
    private static final class StreamReader extends Thread {
        private final HttpClient http;
        private final URI uri;
        private final CountDownLatch warm;
        private final int warmup;
        final long[] latencies;
        volatile int received;
        volatile boolean done;

        StreamReader(HttpClient http, URI uri, int chunks, int warmup, CountDownLatch warm) {
            super("sse-client");
            setDaemon(true);
            this.http = http;
            this.uri = uri;
            this.latencies = new long[chunks];
            this.warm = warm;
            this.warmup = warmup;
        }

        @Override
        public void run() {
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + KEY).header("Accept", "text/event-stream")
                        .timeout(RUN_BOUND).build(), HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                        StandardCharsets.UTF_8))) {
                    boolean warmedUp = false;
                    int unmeasured = warmup;
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("event:done")) {
                            done = true;
                            return;
                        }
                        Matcher sent = line.startsWith("data:") ? TEXT.matcher(line) : null;
                        if (sent != null && sent.find()) {
                            long latency = System.nanoTime() - Long.parseLong(sent.group(1));
                            if (!warmedUp) {
                                warmedUp = true;
                                warm.countDown();
                            } else if (unmeasured > 0) {
                                unmeasured--;
                            } else if (received < latencies.length) {
                                latencies[received] = latency;
                                received = received + 1;
                            }
                        }
                    }
                }
            } catch (Exception e) {
                System.err.println("stream " + uri + " failed: " + e);
            }
        }
    }

    /**
     * The gateway's {@code reasoner_gateway_chunk_delivery_seconds} histogram: cumulative counts by upper bound
     * (seconds), as scraped; {@link #minus} gives what a stretch of time added.
     */
    private record DeliveryHistogram(java.util.TreeMap<Double, Long> cumulative) {
        static final Pattern BUCKET = Pattern.compile(
                "(?m)^reasoner_gateway_chunk_delivery_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*\\} (\\S+)");

        static DeliveryHistogram scrape(HttpClient http, String base) {
            java.util.TreeMap<Double, Long> counts = new java.util.TreeMap<>();
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher bucket = BUCKET.matcher(metrics);
                while (bucket.find()) {
                    double le = bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY
                            : Double.parseDouble(bucket.group(1));
                    counts.put(le, (long) Double.parseDouble(bucket.group(2)));
                }
            } catch (Exception e) {
                System.err.println("could not read the gateway's delivery histogram: " + e);
            }
            return new DeliveryHistogram(counts);
        }

        DeliveryHistogram minus(DeliveryHistogram earlier) {
            java.util.TreeMap<Double, Long> delta = new java.util.TreeMap<>();
            cumulative.forEach((le, count) -> delta.put(le, count - earlier.cumulative.getOrDefault(le, 0L)));
            return new DeliveryHistogram(delta);
        }

        long total() {
            return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        }

        /** The smallest bucket bound, in ms, that at least {@code quantile} of the chunks are within. */
        double atMostMs(double quantile) {
            for (var bucket : cumulative.entrySet()) {
                if (bucket.getValue() >= quantile * total()) {
                    return bucket.getKey() * 1000;
                }
            }
            return Double.POSITIVE_INFINITY;
        }

        double shareWithinMs(double ms) {
            Long within = cumulative.get(ms / 1000.0);
            return within == null || total() == 0 ? Double.NaN : (double) within / total();
        }
    }

    /** The gateway's heap in use (its own Prometheus metrics) and its peak resident set (from /proc). */
    private record MemorySample(long heapBytes, long rssBytes) {
        static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)");

        MemorySample max(MemorySample other) {
            return new MemorySample(Math.max(heapBytes, other.heapBytes), Math.max(rssBytes, other.rssBytes));
        }

        static MemorySample of(HttpClient http, String base, Process gateway) {
            long heap = 0;
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher pool = HEAP.matcher(metrics);
                while (pool.find()) {
                    heap += (long) Double.parseDouble(pool.group(1));
                }
            } catch (Exception e) {
                System.err.println("could not read the gateway's metrics: " + e);
            }
            long rss = 0;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + gateway.pid() + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        rss = Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                    }
                }
            } catch (Exception e) {
                System.err.println("could not read the gateway's resident set: " + e);
            }
            return new MemorySample(heap, rss);
        }
    }
}
