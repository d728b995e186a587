package io.reasoner.launcher.process;

import io.reasoner.launcher.LauncherException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process by id: asks politely, waits up to a grace period, then kills it. Works for processes this JVM
 * did not start (as {@code down} needs), since {@link ProcessHandle} signals by pid.
 */
public final class ProcessStopper {

    /** How long to wait for the kernel to reap a process after SIGKILL; longer means something is very wrong. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private ProcessStopper() {
    }

    public static StopOutcome stop(ProcessHandle process, Duration grace) {
        if (grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("grace must be positive, was " + grace);
        }
        if (!process.isAlive()) {
            return StopOutcome.ALREADY_EXITED;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return StopOutcome.STOPPED;
        }
        process.destroyForcibly();
        if (awaitExit(process, KILL_WAIT)) {
            return StopOutcome.KILLED;
        }
        throw new LauncherException("process " + process.pid() + " is still alive " + KILL_WAIT.toSeconds()
                + " s after SIGKILL");
    }

    /** True if the process exited within the timeout. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for process " + process.pid() + " to exit", e);
        } catch (ExecutionException e) {
            throw new LauncherException("cannot watch process " + process.pid(), e.getCause());
        }
    }
}
