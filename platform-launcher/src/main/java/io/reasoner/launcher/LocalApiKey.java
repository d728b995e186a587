package io.reasoner.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The API key of a local platform: {@code up} generates one ({@code rsk_} + 32 hex digits, 128 random bits),
 * passes it to the gateway and saves it in {@code .reasoner/api-key}, where {@code ask} finds it.
 */
public final class LocalApiKey {

    /** The tenant the local key authenticates. */
    public static final String TENANT = "local";

    private LocalApiKey() {
    }

    /** @param random a {@code SecureRandom} in production; seeded in tests */
    public static String generate(RandomGenerator random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "rsk_" + HexFormat.of().formatHex(bytes);
    }

    public static Path file(RepoLayout layout) {
        return layout.stateDir().resolve("api-key");
    }

    /** Writes the key, readable by the owner only where the file system knows POSIX permissions. */
    public static void save(RepoLayout layout, String key) {
        Path file = file(layout);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, key + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Windows: the file inherits the directory's ACL, which is the user's profile or checkout.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The saved key, or empty if {@code up} has not saved one. */
    public static Optional<String> read(RepoLayout layout) {
        Path file = file(layout);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String key = Files.readString(file, StandardCharsets.UTF_8).trim();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
