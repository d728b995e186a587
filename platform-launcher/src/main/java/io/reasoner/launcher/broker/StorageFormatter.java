package io.reasoner.launcher.broker;

import io.reasoner.launcher.LauncherException;
import io.reasoner.launcher.process.JavaProcessLauncher;
import io.reasoner.launcher.process.LogTail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * Formats a KRaft log directory once, with a fresh cluster id. A formatted directory (one with
 * {@code meta.properties}) is left alone: formatting again would fail, and the point of a data folder is that a
 * second start finds its topics and records still there.
 */
final class StorageFormatter {

    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    /** The tool only writes two small files; a minute covers a cold JVM on a slow disk. */
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private StorageFormatter() {
    }

    static boolean isFormatted(BrokerSettings settings) {
        return Files.exists(metaProperties(settings));
    }

    static Path metaProperties(BrokerSettings settings) {
        return settings.logDir().resolve("meta.properties");
    }

    /** Returns true if it formatted, false if the folder already was. */
    static boolean formatIfNeeded(BrokerSettings settings) {
        if (isFormatted(settings)) {
            return false;
        }
        Path output = settings.dataDir().resolve("format.log");
        List<String> command = new ArrayList<>(List.of(
                JavaProcessLauncher.javaExecutable().toString(),
                "-cp", KafkaBrokerProcess.classpath(settings),
                STORAGE_TOOL, "format",
                "-t", Uuid.randomUuid().toString(),
                "-c", settings.serverProperties().toString()));
        int exitCode = run(command, output);
        if (exitCode != 0 || !isFormatted(settings)) {
            throw new LauncherException("formatting Kafka storage in " + settings.logDir() + " failed (exit code "
                    + exitCode + "):" + System.lineSeparator() + LogTail.lastLines(output, 20));
        }
        return true;
    }

    private static int run(List<String> command, Path output) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + STORAGE_TOOL, e);
        }
        try {
            if (!process.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LauncherException(STORAGE_TOOL + " did not finish within " + FORMAT_TIMEOUT.toSeconds()
                        + " s; see " + output);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while formatting Kafka storage", e);
        }
    }
}
