package io.reasoner.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a child JVM with the same {@code java} that runs the launcher, output (stdout and stderr together)
 * to a log file that each start truncates, so a log's tail is always about the current run.
 */
public final class JavaProcessLauncher {

    private JavaProcessLauncher() {
    }

    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Starts {@code java jvmArgs...} and records its pid.
     *
     * @param jvmArgs everything after the {@code java} executable
     */
    public static ChildProcess start(String name, List<String> jvmArgs, Path workDir, Path logFile, PidFile pidFile) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmArgs);
        Process process;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            // The children read nothing; closing stdin now means none of them can block on it.
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
        try {
            pidFile.write(process.pid());
        } catch (RuntimeException e) {
            // A child nobody can find by its pid file must not outlive this failure.
            process.destroyForcibly();
            throw e;
        }
        return new ChildProcess(name, process.toHandle(), logFile, pidFile);
    }
}
