package io.reasoner.policy.experiment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends reasoning requests to the gateway over HTTP and follows each to its result by polling
 * {@code GET /v1/reasoning/{id}} (100 ms apart, so times to answer are accurate to about 0.1 s). Every wait is
 * bounded by the request timeout. Only loopback addresses are accepted: the experiment is for a local platform.
 */
final class GatewayDriver {

    private static final Duration POLL = Duration.ofMillis(100);

    private final URI gateway;
    private final String apiKey;
    private final Duration requestTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    GatewayDriver(URI gateway, String apiKey, Duration requestTimeout) {
        this.gateway = Loopback.require(gateway);
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
    }

    /** Sends at the schedule's times (open loop) and waits for every request to end or time out. */
    List<Outcome> runOpenLoop(List<Long> offsetsMs, String body) throws InterruptedException {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Future<Outcome>> pending = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (long offset : offsetsMs) {
                long waitMs = offset - (System.nanoTime() - start) / 1_000_000;
                if (waitMs > 0) {
                    Thread.sleep(waitMs);
                }
                pending.add(pool.submit(() -> follow(body)));
            }
            return collect(pending);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Keeps {@code concurrency} requests in flight for {@code duration}; returns completions per second. */
    double measureCapacity(int concurrency, Duration duration, String body) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Integer>> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            clients.add(pool.submit(() -> {
                int done = 0;
                while (System.nanoTime() < end) {
                    done += follow(body).done() ? 1 : 0;
                }
                return done;
            }));
        }
        int completed = 0;
        try {
            for (Future<Integer> client : clients) {
                completed += client.get(duration.plus(requestTimeout).toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("capacity measurement failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        return completed / (duration.toMillis() / 1000.0);
    }

    private List<Outcome> collect(List<Future<Outcome>> pending) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : pending) {
            try {
                outcomes.add(future.get(requestTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                outcomes.add(new Outcome(requestTimeout.toMillis(), 0, 0, false));
            }
        }
        return outcomes;
    }

    private Outcome follow(String body) throws IOException, InterruptedException {
        long sent = System.nanoTime();
        HttpResponse<String> created = http.send(request("/v1/reasoning").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 202) {
            return new Outcome(elapsedMs(sent), 0, 0, false);
        }
        String id = json.readTree(created.body()).path("id").asString();
        while (elapsedMs(sent) < requestTimeout.toMillis()) {
            Thread.sleep(POLL.toMillis());
            JsonNode status = json.readTree(http.send(request("/v1/reasoning/" + id).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = status.path("status").asString();
            if (state.equals("done")) {
                return new Outcome(elapsedMs(sent), status.path("budget").path("maxThinkingTokens").asInt(),
                        status.path("usage").path("thinkingTokens").asInt(), true);
            }
            if (state.equals("failed") || state.equals("cancelled")) {
                return new Outcome(elapsedMs(sent), 0, 0, false);
            }
        }
        return new Outcome(elapsedMs(sent), 0, 0, false);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey);
    }

    private static long elapsedMs(long sentNanos) {
        return (System.nanoTime() - sentNanos) / 1_000_000;
    }
}
