package io.reasoner.launcher.broker;

import io.reasoner.launcher.process.ChildProcess;
import io.reasoner.launcher.process.StopOutcome;
import java.time.Duration;
import java.util.Objects;

/**
 * A broker JVM started by {@link KafkaBrokerProcess}. Closing it stops the process by pid (SIGTERM, then SIGKILL
 * after {@link #STOP_GRACE}) and removes its pid file; closing twice is harmless.
 */
public final class RunningBroker implements AutoCloseable {

    /** A controlled shutdown of a single-node broker takes a few seconds; more means it is stuck. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ChildProcess process;
    private final int port;
    private final int controllerPort;

    RunningBroker(ChildProcess process, int port, int controllerPort) {
        this.process = Objects.requireNonNull(process, "process");
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public long pid() {
        return process.pid();
    }

    public ChildProcess process() {
        return process;
    }

    public StopOutcome stop() {
        return process.stop(STOP_GRACE);
    }

    @Override
    public void close() {
        stop();
    }
}
