package io.reasoner.launcher.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small JVM that stands in for a service or broker: its command line carries whatever arguments a test
 * needs (a jar path, a class name), and it lives until it is signalled or its stdin closes, which happens at
 * the latest when the test JVM exits, so no stand-in outlives its test run.
 */
public final class StandInProcess {

    static final String READY = "stand-in ready";

    private StandInProcess() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(READY);
        System.out.flush();
        // Blocks until the parent closes our stdin (or dies); a signal ends us sooner.
        while (System.in.read() >= 0) {
            // Ignore anything written; only end of input matters.
        }
    }

    /**
     * Starts a stand-in whose command line contains {@code markers} early on, before the long test classpath,
     * and returns once its main method runs: before that, the OS may still show the JDK's spawn helper.
     */
    public static Process start(String... markers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m"));
        for (int i = 0; i < markers.length; i++) {
            command.add("-Dstand-in.marker." + i + "=" + markers[i]);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StandInProcess.class.getName()));
        return startAndAwaitReady(command);
    }

    /** Starts a stand-in whose command line ends with {@code arguments}, after the long test classpath. */
    public static Process startWithTrailingArguments(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx16m",
                "-cp", System.getProperty("java.class.path"), StandInProcess.class.getName()));
        command.addAll(List.of(arguments));
        return startAndAwaitReady(command);
    }

    private static Process startAndAwaitReady(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                throw new IllegalStateException("stand-in output unreadable", e);
            }
        });
        try {
            String line = firstLine.get(30, TimeUnit.SECONDS);
            if (!READY.equals(line)) {
                throw new IllegalStateException("stand-in did not start: " + line);
            }
            return process;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("stand-in did not report ready within 30 s", e);
        }
    }
}
