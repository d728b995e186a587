package io.reasoner.launcher.platform;

import io.reasoner.launcher.LauncherException;
import io.reasoner.launcher.broker.RunningBroker;
import io.reasoner.launcher.process.ChildProcess;
import io.reasoner.launcher.process.StopOutcome;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The children of one {@code up}: the broker and the services started so far. Thread-safe: the main thread adds
 * and watches, the shutdown hook stops. {@link #stopAll()} runs once; later calls return at once.
 */
final class RunningPlatform {

    private final PrintStream out;
    private final List<ChildProcess> services = new ArrayList<>();
    private RunningBroker broker;
    private boolean stopping;

    RunningPlatform(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    synchronized void broker(RunningBroker started) {
        this.broker = started;
    }

    synchronized void addService(ChildProcess service) {
        services.add(service);
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /**
     * Blocks until any child exits, or until {@link #stopAll()} begins. Returns the child that exited, or empty
     * when stopping. Deliberately open-ended (this is {@code up}'s foreground); each wait is bounded so a stop
     * begun by the shutdown hook is noticed within a second.
     */
    Optional<ChildProcess> awaitAnyExit() throws InterruptedException {
        List<ChildProcess> children = children();
        CompletableFuture<?>[] exits = children.stream().map(ChildProcess::onExit).toArray(CompletableFuture[]::new);
        CompletableFuture<Object> anyExit = CompletableFuture.anyOf(exits);
        while (!isStopping()) {
            try {
                anyExit.get(1, TimeUnit.SECONDS);
                return children.stream().filter(child -> !child.isAlive()).findFirst();
            } catch (TimeoutException e) {
                // Still running; look at the stopping flag again.
            } catch (ExecutionException e) {
                throw new LauncherException("cannot watch the platform's processes", e.getCause());
            }
        }
        return Optional.empty();
    }

    /** Services first (the gateway first of them), then the broker; each wait bounded. */
    void stopAll() {
        List<ChildProcess> toStop;
        RunningBroker brokerToStop;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            toStop = List.copyOf(services);
            brokerToStop = broker;
        }
        // Signal every service first so they shut down in parallel; then wait for each in order.
        toStop.forEach(service -> service.handle().destroy());
        for (ChildProcess service : toStop) {
            stopOne(service.name(), service.pid(), () -> service.stop(DownCommand.SERVICE_GRACE));
        }
        if (brokerToStop != null) {
            stopOne(PlatformPlan.BROKER_NAME, brokerToStop.pid(), brokerToStop::stop);
        }
    }

    /** One child failing to stop must not leave the others running: report it and go on with the rest. */
    private void stopOne(String name, long pid, Supplier<StopOutcome> stop) {
        try {
            report(name, pid, stop.get());
        } catch (RuntimeException e) {
            out.println("could not stop " + name + " (pid " + pid + "): " + e.getMessage()
                    + "; kill it by hand");
        }
    }

    private synchronized List<ChildProcess> children() {
        List<ChildProcess> all = new ArrayList<>(services);
        if (broker != null) {
            all.add(broker.process());
        }
        return all;
    }

    private void report(String name, long pid, StopOutcome outcome) {
        out.println(switch (outcome) {
            case STOPPED -> "stopped " + name + " (pid " + pid + ")";
            case KILLED -> "killed " + name + " (pid " + pid + ") after its grace period";
            case ALREADY_EXITED -> name + " (pid " + pid + ") had already exited";
        });
    }
}
