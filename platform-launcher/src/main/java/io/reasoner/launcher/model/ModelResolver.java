package io.reasoner.launcher.model;

import io.reasoner.launcher.LauncherException;
import io.reasoner.launcher.RepoLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the model file to serve, first match wins:
 * <ol>
 *   <li>an explicit {@code --model PATH} (which must exist: a typo is an error, not a reason to fall back)</li>
 *   <li>the {@value #MODEL_ENV} environment variable (likewise must exist)</li>
 *   <li>s1-mini, the platform's own reasoning model, committed at {@code <repo>/models/s1-mini/s1-mini.gguf}</li>
 *   <li>only where that file is missing (a partial copy of the repository): the shared copy
 *       {@code <repo>/../shared/models/stories260K/stories260K.gguf}</li>
 *   <li>the cached download {@code <repo>/.reasoner/models/stories260K.gguf}</li>
 *   <li>a download of the default model from Hugging Face, checked against its SHA-256 before it is cached</li>
 * </ol>
 */
public final class ModelResolver {

    public static final String MODEL_ENV = "REASONER_MODEL";
    /** The default model, trained by {@code s1-mini/s1-mini.sh recipe} and committed with the code. */
    public static final String BUNDLED_FILE_NAME = "s1-mini.gguf";
    /** The fallback, also the engine's conformance model. */
    public static final String DEFAULT_FILE_NAME = "stories260K.gguf";
    public static final URI DEFAULT_MODEL_URI =
            URI.create("https://huggingface.co/ggml-org/models/resolve/main/tinyllamas/stories260K.gguf");
    public static final String DEFAULT_MODEL_SHA256 =
            "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";

    private final RepoLayout layout;
    private final Map<String, String> environment;
    private final ModelDownloader downloader;
    private final URI downloadUri;
    private final String expectedSha256;

    public ModelResolver(RepoLayout layout, Map<String, String> environment, ModelDownloader downloader) {
        this(layout, environment, downloader, DEFAULT_MODEL_URI, DEFAULT_MODEL_SHA256);
    }

    /** With another download and checksum, so tests can verify the check without the real model. */
    ModelResolver(RepoLayout layout, Map<String, String> environment, ModelDownloader downloader, URI downloadUri,
            String expectedSha256) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.downloadUri = Objects.requireNonNull(downloadUri, "downloadUri");
        if (expectedSha256 == null || !expectedSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("expectedSha256 must be 64 lower-case hex digits, was "
                    + expectedSha256);
        }
        this.expectedSha256 = expectedSha256;
    }

    /** The resolver the CLI uses: real environment, real downloads. */
    public static ModelResolver forCli(RepoLayout layout) {
        return new ModelResolver(layout, System.getenv(), new HttpModelDownloader());
    }

    public ResolvedModel resolve(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return new ResolvedModel(requireFile(explicit.get(), "--model"), ResolvedModel.Source.EXPLICIT);
        }
        String fromEnv = environment.get(MODEL_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new ResolvedModel(requireFile(Path.of(fromEnv), MODEL_ENV), ResolvedModel.Source.ENVIRONMENT);
        }
        if (Files.isRegularFile(bundledModel())) {
            return new ResolvedModel(bundledModel(), ResolvedModel.Source.BUNDLED);
        }
        if (Files.isRegularFile(sharedModel())) {
            return new ResolvedModel(sharedModel(), ResolvedModel.Source.SHARED);
        }
        if (Files.isRegularFile(cachedModel())) {
            return new ResolvedModel(cachedModel(), ResolvedModel.Source.CACHE);
        }
        return new ResolvedModel(downloadIntoCache(), ResolvedModel.Source.DOWNLOADED);
    }

    Path bundledModel() {
        return layout.bundledModelsDir().resolve("s1-mini").resolve(BUNDLED_FILE_NAME);
    }

    Path sharedModel() {
        return layout.sharedModelsDir().resolve("stories260K").resolve(DEFAULT_FILE_NAME);
    }

    Path cachedModel() {
        return layout.modelCacheDir().resolve(DEFAULT_FILE_NAME);
    }

    /**
     * Downloads into a temp file next to the cache entry, verifies it, then renames it into place: the cache
     * never holds a partial or unverified file, so a cached file needs no re-check.
     */
    private Path downloadIntoCache() {
        Path temp;
        try {
            Files.createDirectories(layout.modelCacheDir());
            temp = Files.createTempFile(layout.modelCacheDir(), DEFAULT_FILE_NAME, ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the model cache " + layout.modelCacheDir(), e);
        }
        try {
            downloader.download(downloadUri, temp);
            String actual = sha256(temp);
            if (!expectedSha256.equals(actual)) {
                throw new LauncherException("the model downloaded from " + downloadUri + " has SHA-256 " + actual
                        + ", expected " + expectedSha256 + "; it was discarded. " + howToSupply());
            }
            return Files.move(temp, cachedModel(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discard(temp, e);
            throw new LauncherException("no model found and the default model could not be downloaded from "
                    + downloadUri + " (" + e.getMessage() + "). " + howToSupply(), e);
        } catch (RuntimeException e) {
            discard(temp, e);
            throw e;
        }
    }

    private String howToSupply() {
        return "Supply the model file with --model PATH or " + MODEL_ENV + "=PATH, or place it at "
                + cachedModel() + " (sha256 " + expectedSha256 + ")";
    }

    private static Path requireFile(Path path, String origin) {
        if (!Files.isRegularFile(path)) {
            throw new LauncherException("model file " + path.toAbsolutePath() + " (from " + origin
                    + ") does not exist or is not a file");
        }
        return path;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A failed or unverified download must not linger in the cache folder. */
    private static void discard(Path temp, Exception failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
