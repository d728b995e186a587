package io.reasoner.launcher.broker;

import io.reasoner.launcher.LauncherException;
import io.reasoner.launcher.process.LogTail;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Waits until a started broker answers {@code describeCluster} with at least one node: the point at which
 * clients can create topics and produce. Gives up early if the broker process exits.
 */
final class BrokerReadiness {

    /** Per attempt; short so a dead process is noticed within about this long. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL_PAUSE = Duration.ofMillis(200);
    /** {@link Admin#close()} would wait without limit for an attempt still pending. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private BrokerReadiness() {
    }

    static void await(RunningBroker broker, Duration timeout) {
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis(),
                // Retry the first connection quickly: the broker is expected up within seconds.
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
        try {
            poll(admin, broker, System.nanoTime() + timeout.toNanos(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for the broker", e);
        } finally {
            admin.close(CLOSE_TIMEOUT);
        }
    }

    private static void poll(Admin admin, RunningBroker broker, long deadlineNanos, Duration timeout)
            throws InterruptedException {
        Exception lastFailure = null;
        while (System.nanoTime() < deadlineNanos) {
            if (!broker.process().isAlive()) {
                throw failure(broker, "the broker process exited during start-up", lastFailure);
            }
            try {
                int nodes = admin.describeCluster(new DescribeClusterOptions()
                                .timeoutMs((int) ATTEMPT_TIMEOUT.toMillis()))
                        .nodes().get(ATTEMPT_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
                if (nodes > 0) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // Not up yet (connection refused, no controller elected): expected for a few seconds.
                lastFailure = e;
            }
            // Most failures take ATTEMPT_TIMEOUT anyway; this only stops a fast-failing call from spinning.
            Thread.sleep(POLL_PAUSE.toMillis());
        }
        throw failure(broker, "the broker did not answer within " + timeout.toSeconds() + " s", lastFailure);
    }

    private static LauncherException failure(RunningBroker broker, String what, Exception cause) {
        return new LauncherException(what + " (pid " + broker.pid() + ", log " + broker.process().logFile()
                + "); last lines of its log:" + System.lineSeparator()
                + LogTail.lastLines(broker.process().logFile(), 30), cause);
    }
}
