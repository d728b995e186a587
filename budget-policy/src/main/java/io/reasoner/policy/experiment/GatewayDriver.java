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
import java.util.function.Function;

import io.reasoner.protocol.Priority;

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
    List<Outcome> runOpenLoop(List<ArrivalSchedule.Arrival> schedule, Function<Priority, String> body)
            throws InterruptedException {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Future<Outcome>> pending = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (ArrivalSchedule.Arrival arrival : schedule) {
                long waitMs = arrival.atMs() - (System.nanoTime() - start) / 1_000_000;
                if (waitMs > 0) {
                    Thread.sleep(waitMs);
                }
                long sentAtMs = (System.nanoTime() - start) / 1_000_000;
                pending.add(pool.submit(() -> follow(arrival.tier(), sentAtMs, body.apply(arrival.tier()))));
            }
            return collect(schedule, pending);
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
                    done += follow(Priority.INTERACTIVE, 0, body).done() ? 1 : 0;
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

    private List<Outcome> collect(List<ArrivalSchedule.Arrival> schedule, List<Future<Outcome>> pending)
            throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            try {
                outcomes.add(pending.get(i).get(requestTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                ArrivalSchedule.Arrival arrival = schedule.get(i);
                outcomes.add(Outcome.ended(arrival.tier(), arrival.atMs(), requestTimeout.toMillis(),
                        e instanceof java.util.concurrent.TimeoutException ? Outcome.Status.TIMED_OUT
                                : Outcome.Status.FAILED));
            }
        }
        return outcomes;
    }

    private Outcome follow(Priority tier, long sentAtMs, String body) throws IOException, InterruptedException {
        long sent = System.nanoTime();
        HttpResponse<String> created = http.send(request("/v1/reasoning").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 202) {
            return Outcome.ended(tier, sentAtMs, elapsedMs(sent),
                    created.statusCode() == 429 ? Outcome.Status.REJECTED : Outcome.Status.FAILED);
        }
        String id = json.readTree(created.body()).path("id").asString();
        while (elapsedMs(sent) < requestTimeout.toMillis()) {
            Thread.sleep(POLL.toMillis());
            JsonNode status = json.readTree(http.send(request("/v1/reasoning/" + id).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = status.path("status").asString();
            if (state.equals("done")) {
                return new Outcome(tier, sentAtMs, elapsedMs(sent),
                        status.path("budget").path("maxThinkingTokens").asInt(),
                        status.path("usage").path("thinkingTokens").asInt(), Outcome.Status.DONE);
            }
            if (state.equals("failed") || state.equals("cancelled")) {
                return Outcome.ended(tier, sentAtMs, elapsedMs(sent), Outcome.Status.FAILED);
            }
        }
        return Outcome.ended(tier, sentAtMs, elapsedMs(sent), Outcome.Status.TIMED_OUT);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey);
    }

    private static long elapsedMs(long sentNanos) {
        return (System.nanoTime() - sentNanos) / 1_000_000;
    }
}
