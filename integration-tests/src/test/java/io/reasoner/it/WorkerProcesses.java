package io.reasoner.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.reasoner.launcher.broker.LocalPorts;
import io.reasoner.launcher.platform.PlatformService;
import io.reasoner.launcher.platform.ServiceSpec;
import io.reasoner.launcher.process.ChildProcess;
import io.reasoner.launcher.process.JavaProcessLauncher;
import io.reasoner.launcher.process.PidFile;

/**
 * Real worker processes, started from the worker's exec jar exactly as {@code ./reasoner up} starts one, that a
 * test can kill with SIGKILL, stop with SIGTERM and start again.
 */
final class WorkerProcesses implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(240);

    private final String bootstrapServers;
    private final Path model;
    private final Path dir;
    private final List<String> extraArgs;
    private final Map<String, ChildProcess> running = new ConcurrentHashMap<>();
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final AtomicInteger incarnations = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    WorkerProcesses(String bootstrapServers, Path model, Path dir, String... extraArgs) {
        this.bootstrapServers = bootstrapServers;
        this.model = model;
        this.dir = dir;
        this.extraArgs = List.of(extraArgs);
    }

    /** Starts worker {@code name} (again) and waits until it is ready. */
    ChildProcess start(String name) {
        int port = LocalPorts.freePort();
        List<String> args = new ArrayList<>(List.of("--reasoner.worker.model-path=" + model,
                "--reasoner.worker.worker-id=" + name, "--spring.jmx.enabled=false"));
        args.addAll(extraArgs);
        Path root = Path.of(System.getProperty("reasoner.root"));
        ServiceSpec spec = new ServiceSpec(PlatformService.REASONER_WORKER, PlatformService.REASONER_WORKER.jar(
                new io.reasoner.launcher.RepoLayout(root)), port, args);
        // Each incarnation logs to its own file, so what a killed worker wrote is still there to read.
        Path logFile = dir.resolve(name + "-" + incarnations.incrementAndGet() + ".log");
        ChildProcess process = JavaProcessLauncher.start(name, spec.jvmArgs(bootstrapServers), root, logFile,
                new PidFile(dir.resolve(name + ".pid")));
        running.put(name, process);
        awaitReady(name, spec.readinessUrl(), process, logFile);
        ready.add(name);
        return process;
    }

    /** SIGKILL: no shutdown hook, no drain, nothing flushed. */
    void kill(String name) {
        ready.remove(name);
        ChildProcess process = running.remove(name);
        if (process != null) {
            process.handle().destroyForcibly();
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }

    /** SIGTERM, and waits for the process to exit by itself. */
    boolean terminate(String name, Duration within) {
        ready.remove(name);
        ChildProcess process = running.remove(name);
        if (process == null) {
            return true;
        }
        process.handle().destroy();
        try {
            process.onExit().get(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            process.handle().destroyForcibly();
            return false;
        }
    }

    /** Workers that finished starting and still run. */
    List<String> ready() {
        return alive().stream().filter(ready::contains).toList();
    }

    List<String> alive() {
        return running.entrySet().stream().filter(entry -> entry.getValue().isAlive()).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** Every line any incarnation of any worker logged. */
    List<String> logLines() {
        try (var files = java.nio.file.Files.list(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                lines.addAll(java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8));
            }
            return lines;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitReady(String name, String url, ChildProcess process, Path log) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            process.onExit().completeOnTimeout(null, 250, java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        throw new IllegalStateException(name + " not ready within " + READY_WITHIN + "; see " + log);
    }

    @Override
    public void close() {
        for (String name : List.copyOf(running.keySet())) {
            kill(name);
        }
    }
}
