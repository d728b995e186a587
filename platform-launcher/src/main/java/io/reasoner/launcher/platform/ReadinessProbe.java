package io.reasoner.launcher.platform;

import io.reasoner.launcher.process.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Waits until every service answers 200 on {@code /actuator/health/readiness}: Spring Boot reports ready only
 * after start-up completes, so a 200 means its Kafka listeners and HTTP endpoints are in place.
 */
public final class ReadinessProbe {

    /** A local actuator answers in milliseconds once listening; longer means it is still starting. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client;
    private final Duration pollInterval;

    public ReadinessProbe(Duration pollInterval) {
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    }

    /** A service being waited for: its process and its readiness URL. */
    public record Target(ChildProcess process, URI readinessUrl) {

        public Target {
            Objects.requireNonNull(process, "process");
            Objects.requireNonNull(readinessUrl, "readinessUrl");
        }
    }

    /**
     * Returns once all targets are ready.
     *
     * @throws ServiceStartException naming the first target that exited, or one still not ready at the deadline
     */
    public void awaitAll(List<Target> targets, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Target> pending = new ArrayList<>(targets);
        while (true) {
            for (Target target : List.copyOf(pending)) {
                if (!target.process().isAlive()) {
                    throw new ServiceStartException(target.process(), "exited during start-up");
                }
                if (isReady(target.readinessUrl())) {
                    pending.remove(target);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new ServiceStartException(pending.get(0).process(),
                        "was not ready within " + timeout.toSeconds() + " s (" + pending.get(0).readinessUrl()
                                + ")");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** True on HTTP 200; false while it refuses connections, times out or answers anything else (503 DOWN). */
    boolean isReady(URI readinessUrl) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(readinessUrl).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            // Not listening yet: the normal state for the first seconds of a JVM.
            return false;
        }
    }
}
