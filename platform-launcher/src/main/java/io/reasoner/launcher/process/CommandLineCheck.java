package io.reasoner.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Guards against signalling a reused pid: a pid file may outlive its process (a crash, a reboot) and the id may
 * since belong to something else. Before stopping by pid, check the live process's command line still names
 * what we started.
 */
public final class CommandLineCheck {

    private CommandLineCheck() {
    }

    /**
     * The live process's command line, arguments separated by spaces, or empty when the process is gone or the
     * OS will not tell. On Linux it is read from {@code /proc} in full: {@link ProcessHandle.Info#commandLine()}
     * cuts it at 4096 characters, which a long classpath exceeds before the main class.
     */
    public static Optional<String> commandLine(ProcessHandle process) {
        Path procCmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        if (Files.isDirectory(Path.of("/proc", "self"))) {
            try {
                byte[] raw = Files.readAllBytes(procCmdline);
                return raw.length == 0 ? Optional.empty()
                        : Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim());
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + procCmdline, e);
            }
        }
        return process.info().commandLine();
    }

    /** True only if the command line is known and contains every marker. */
    public static boolean matches(ProcessHandle process, String... markers) {
        Optional<String> commandLine = commandLine(process);
        if (commandLine.isEmpty()) {
            return false;
        }
        for (String marker : markers) {
            if (!commandLine.get().contains(marker)) {
                return false;
            }
        }
        return true;
    }
}
