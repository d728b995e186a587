package io.reasoner.launcher.process;

import io.reasoner.launcher.LauncherException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A file holding one process id and nothing else, so {@code kill $(cat x.pid)} works from a shell too.
 * Written atomically (temp file, then rename), so a reader never sees half a number.
 */
public record PidFile(Path path) {

    public PidFile {
        Objects.requireNonNull(path, "path");
        if (path.getFileName() == null || !path.getFileName().toString().endsWith(".pid")) {
            throw new IllegalArgumentException("pid file name must end in .pid, was " + path);
        }
    }

    /** The file name without {@code .pid}: the name of what runs under this id. */
    public String name() {
        String fileName = path.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".pid".length());
    }

    public void write(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be > 0, was " + pid);
        }
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path temp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(temp, pid + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file " + path, e);
        }
    }

    /** The recorded id, or empty when there is no file. */
    public OptionalLong read() {
        if (!Files.exists(path)) {
            return OptionalLong.empty();
        }
        String content;
        try {
            content = Files.readString(path, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pid file " + path, e);
        }
        try {
            long pid = Long.parseLong(content);
            if (pid <= 0) {
                throw new NumberFormatException("not positive");
            }
            return OptionalLong.of(pid);
        } catch (NumberFormatException e) {
            throw new LauncherException("pid file " + path + " does not hold a process id (was '" + content
                    + "'); delete it by hand", e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete pid file " + path, e);
        }
    }
}
