package io.reasoner.launcher.platform;

import io.reasoner.launcher.RepoLayout;
import io.reasoner.launcher.broker.RunningBroker;
import io.reasoner.launcher.process.ProcessStopper;
import io.reasoner.launcher.process.StopOutcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code ./reasoner down}: stops whatever {@code .reasoner/run/*.pid} records, services first and the broker
 * last, each with a bounded grace period. Idempotent: with nothing running it only says so.
 */
public final class DownCommand {

    /** Spring Boot's graceful shutdown defaults to 30 s per phase; a local service is normally done in a few. */
    static final Duration SERVICE_GRACE = Duration.ofSeconds(20);

    private final RepoLayout layout;
    private final PrintStream out;

    public DownCommand(RepoLayout layout, PrintStream out) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Returns the process exit code: 0, since "already stopped" is success too. */
    public int run() {
        List<RecordedProcess> recorded = RecordedProcess.list(layout);
        if (recorded.isEmpty()) {
            out.println("Nothing to stop: no pid files in " + layout.runDir());
            return 0;
        }
        for (RecordedProcess process : recorded) {
            stop(process);
        }
        return 0;
    }

    private void stop(RecordedProcess process) {
        String label = process.name() + " (pid " + (process.pid().isPresent() ? process.pid().getAsLong() : "?")
                + ")";
        switch (process.state()) {
            case RUNNING -> {
                Duration grace = PlatformPlan.BROKER_NAME.equals(process.name())
                        ? RunningBroker.STOP_GRACE : SERVICE_GRACE;
                StopOutcome outcome = ProcessStopper.stop(process.process().orElseThrow(), grace);
                process.pidFile().delete();
                out.println(describe(label, outcome, grace));
            }
            case GONE -> {
                process.pidFile().delete();
                out.println(label + " was not running; removed its stale pid file");
            }
            case PID_REUSED -> {
                process.pidFile().delete();
                out.println(label + ": that pid now belongs to another program; left it alone and removed the"
                        + " stale pid file");
            }
            case UNKNOWN -> out.println("ignored " + process.pidFile().path() + ": not a pid file the launcher"
                    + " writes");
        }
    }

    private static String describe(String label, StopOutcome outcome, Duration grace) {
        return switch (outcome) {
            case STOPPED -> "stopped " + label;
            case KILLED -> "killed " + label + " after it ignored SIGTERM for " + grace.toSeconds() + " s";
            case ALREADY_EXITED -> label + " exited on its own";
        };
    }
}
