package io.reasoner.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, to show why a child failed without making the user open the file. */
public final class LogTail {

    /** Enough bytes for a few dozen long log lines; a stack trace's head matters more than its tail. */
    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {
    }

    public static String lastLines(Path file, int lines) {
        if (lines <= 0) {
            throw new IllegalArgumentException("lines must be > 0, was " + lines);
        }
        if (!Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, MAX_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            int read;
            do {
                read = channel.read(buffer);
            } while (read >= 0 && buffer.hasRemaining());
            List<String> all = Arrays.asList(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)
                    .split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read log " + file, e);
        }
    }
}
