package io.reasoner.launcher.platform;

import io.reasoner.launcher.RepoLayout;
import io.reasoner.launcher.process.CommandLineCheck;
import io.reasoner.launcher.process.PidFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A pid file in {@code .reasoner/run} and what it currently points at. A pid counts as ours only while its
 * process is alive and its command line still names what we started, so a pid reused by an unrelated program
 * after a crash or reboot is never signalled.
 */
public record RecordedProcess(PidFile pidFile, OptionalLong pid, Optional<ProcessHandle> process, State state) {

    public enum State {
        /** Alive, and its command line matches: ours to stop. */
        RUNNING,
        /** No such process any more: the pid file is stale. */
        GONE,
        /** The pid is alive but its command line does not match: not ours. */
        PID_REUSED,
        /** A pid file this launcher did not write (unknown name); left alone. */
        UNKNOWN
    }

    public RecordedProcess {
        Objects.requireNonNull(pidFile, "pidFile");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(state, "state");
        if (state == State.RUNNING && process.isEmpty()) {
            throw new IllegalArgumentException("a running process needs its handle");
        }
    }

    public String name() {
        return pidFile.name();
    }

    /** Every pid file in the run folder, services first and the broker last: the order to stop them in. */
    public static List<RecordedProcess> list(RepoLayout layout) {
        List<RecordedProcess> recorded = new ArrayList<>();
        for (Path path : pidFiles(layout.runDir())) {
            recorded.add(inspect(layout, new PidFile(path)));
        }
        recorded.sort(Comparator.comparingInt(RecordedProcess::stopRank).thenComparing(RecordedProcess::name));
        return recorded;
    }

    static RecordedProcess inspect(RepoLayout layout, PidFile pidFile) {
        Optional<String[]> markers = PlatformPlan.commandLineMarkers(layout, pidFile.name());
        if (markers.isEmpty()) {
            return new RecordedProcess(pidFile, OptionalLong.empty(), Optional.empty(), State.UNKNOWN);
        }
        OptionalLong pid = pidFile.read();
        if (pid.isEmpty()) {
            return new RecordedProcess(pidFile, pid, Optional.empty(), State.GONE);
        }
        // The handle is kept, not looked up again later: a process that exits in between (say, stopped by a
        // concurrent up) then reads as exited instead of vanishing.
        Optional<ProcessHandle> handle = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return new RecordedProcess(pidFile, pid, Optional.empty(), State.GONE);
        }
        State state = CommandLineCheck.matches(handle.get(), markers.get()) ? State.RUNNING : State.PID_REUSED;
        return new RecordedProcess(pidFile, pid, handle, state);
    }

    /** Services in {@link PlatformService} order, then the broker, then anything unknown. */
    private int stopRank() {
        if (PlatformPlan.BROKER_NAME.equals(name())) {
            return PlatformService.values().length;
        }
        return PlatformService.byName(name()).map(Enum::ordinal).orElse(PlatformService.values().length + 1);
    }

    private static List<Path> pidFiles(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(runDir, "*.pid")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runDir, e);
        }
        return files;
    }
}
