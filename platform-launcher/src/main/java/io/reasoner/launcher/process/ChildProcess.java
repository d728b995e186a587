package io.reasoner.launcher.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A JVM the launcher started: its name, handle, log file and pid file. Stopping it removes the pid file, so the
 * run directory lists exactly what may still be running.
 */
public record ChildProcess(String name, ProcessHandle handle, Path logFile, PidFile pidFile) {

    public ChildProcess {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(pidFile, "pidFile");
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public CompletableFuture<ProcessHandle> onExit() {
        return handle.onExit();
    }

    public StopOutcome stop(Duration grace) {
        StopOutcome outcome = ProcessStopper.stop(handle, grace);
        pidFile.delete();
        return outcome;
    }
}
