package io.reasoner.launcher.platform;

import io.reasoner.launcher.LauncherException;
import io.reasoner.launcher.LocalApiKey;
import io.reasoner.launcher.RepoLayout;
import io.reasoner.launcher.broker.KafkaBrokerProcess;
import io.reasoner.launcher.broker.LocalPorts;
import io.reasoner.launcher.broker.TopicInitializer;
import io.reasoner.launcher.model.ModelResolver;
import io.reasoner.launcher.model.ResolvedModel;
import io.reasoner.launcher.process.ChildProcess;
import io.reasoner.launcher.process.JavaProcessLauncher;
import io.reasoner.launcher.process.LogTail;
import io.reasoner.launcher.process.PidFile;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ./reasoner up}: broker, topics, the three services; waits until all are ready, prints how to use them,
 * then stays in the foreground until Ctrl-C or until a child exits, and stops everything either way.
 */
public final class UpCommand {

    /** Cold JVMs plus the worker loading its model; two minutes is generous on a laptop. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READY_POLL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 40;

    private final RepoLayout layout;
    private final ModelResolver models;
    private final PrintStream out;
    private final PrintStream err;

    public UpCommand(RepoLayout layout, ModelResolver models, PrintStream out, PrintStream err) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.models = Objects.requireNonNull(models, "models");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Returns the exit code: 0 after Ctrl-C (never reached: the JVM exits in the hook), 1 on any failure. */
    public int run(Optional<Path> model, int gatewayPort) throws InterruptedException {
        long startNanos = System.nanoTime();
        requireNothingRunning();
        ResolvedModel resolved = models.resolve(model);
        String apiKey = LocalApiKey.generate(new SecureRandom());
        PlatformPlan plan = PlatformPlan.of(layout, resolved.path(), gatewayPort, apiKey);
        requireJars(plan);
        requirePortsFree(plan);
        out.println("model: " + resolved.describe());

        RunningPlatform platform = new RunningPlatform(out);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stopAll, "reasoner-up-shutdown"));
        try {
            startAll(plan, platform);
        } catch (ServiceStartException e) {
            err.println(e.getMessage() + "; last lines of " + e.process().logFile() + ":");
            err.println(LogTail.lastLines(e.process().logFile(), LOG_TAIL_LINES));
            platform.stopAll();
            return 1;
        } catch (RuntimeException | InterruptedException e) {
            platform.stopAll();
            throw e;
        }
        LocalApiKey.save(layout, apiKey);
        out.print(UpBanner.text(plan, resolved, Duration.ofNanos(System.nanoTime() - startNanos), apiKey));
        out.flush();
        return watch(platform);
    }

    private void startAll(PlatformPlan plan, RunningPlatform platform) throws InterruptedException {
        out.println("starting Kafka broker on " + plan.bootstrapServers() + " (log " + plan.broker().logFile()
                + ")");
        platform.broker(KafkaBrokerProcess.start(plan.broker()));
        List<String> created = TopicInitializer.createAll(plan.bootstrapServers());
        out.println("topics: " + (created.isEmpty() ? "all present" : "created " + String.join(", ", created)));
        List<ReadinessProbe.Target> targets = new ArrayList<>();
        for (ServiceSpec service : plan.services()) {
            ChildProcess process = JavaProcessLauncher.start(service.name(),
                    service.jvmArgs(plan.bootstrapServers()), layout.root(), layout.logFile(service.name()),
                    new PidFile(layout.pidFile(service.name())));
            platform.addService(process);
            out.println("starting " + service.name() + " on port " + service.port() + " (pid " + process.pid()
                    + ", log " + process.logFile() + ")");
            targets.add(new ReadinessProbe.Target(process, URI.create(service.readinessUrl())));
        }
        out.println("waiting up to " + READY_TIMEOUT.toSeconds() + " s for the services to be ready...");
        new ReadinessProbe(READY_POLL).awaitAll(targets, READY_TIMEOUT);
    }

    /** Foreground until a child exits; on Ctrl-C the shutdown hook stops everything and the JVM exits. */
    private int watch(RunningPlatform platform) throws InterruptedException {
        Optional<ChildProcess> exited = platform.awaitAnyExit();
        if (exited.isPresent() && !platform.isStopping()) {
            ChildProcess child = exited.get();
            // Either it crashed or someone stopped it (./reasoner down, kill): the log tail tells which.
            err.println(child.name() + " (pid " + child.pid() + ") exited; last lines of " + child.logFile() + ":");
            err.println(LogTail.lastLines(child.logFile(), LOG_TAIL_LINES));
            err.println("stopping the rest");
        }
        platform.stopAll();
        return 1;
    }

    private void requireNothingRunning() {
        for (RecordedProcess process : RecordedProcess.list(layout)) {
            if (process.state() == RecordedProcess.State.RUNNING) {
                throw new LauncherException(process.name() + " is already running (pid "
                        + process.pid().getAsLong() + "); stop it with ./reasoner down first");
            }
            if (process.state() != RecordedProcess.State.UNKNOWN) {
                process.pidFile().delete();
            }
        }
    }

    private static void requireJars(PlatformPlan plan) {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec service : plan.services()) {
            if (!Files.isRegularFile(service.jar())) {
                missing.add(service.jar().toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new LauncherException("service jars not built: " + String.join(", ", missing)
                    + "; run ./mvnw -B -ntp -DskipTests package first (./reasoner does this for you)");
        }
    }

    private static void requirePortsFree(PlatformPlan plan) {
        LocalPorts.requireFree(plan.broker().port(), "Kafka client listener");
        LocalPorts.requireFree(plan.broker().controllerPort(), "Kafka controller listener");
        for (ServiceSpec service : plan.services()) {
            LocalPorts.requireFree(service.port(), service.name() + " HTTP");
        }
    }
}
