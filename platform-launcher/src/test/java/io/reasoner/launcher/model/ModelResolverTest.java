package io.reasoner.launcher.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.launcher.LauncherException;
import io.reasoner.launcher.RepoLayout;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelResolverTest {

    private static final URI SOURCE = URI.create("https://models.example/tiny.gguf");
    private static final byte[] MODEL_BYTES = "GGUF pretend weights".getBytes(StandardCharsets.US_ASCII);
    /** sha256 of MODEL_BYTES, computed with sha256sum. */
    private static final String MODEL_SHA256 = "518df6c22cb8f3bef8b346cd866e7dd177138df15bae5b0b2055a771fd4783f4";

    @TempDir
    Path workspace;

    private RepoLayout layout;
    private final List<URI> downloads = new ArrayList<>();

    @BeforeEach
    void createRepo() throws IOException {
        layout = new RepoLayout(Files.createDirectories(workspace.resolve("repo")));
    }

    @Test
    void explicitModel_winsOverEnvironmentSharedAndCache() throws IOException {
        Path explicit = file(workspace.resolve("mine.gguf"));
        file(workspace.resolve("env.gguf"));
        file(sharedCopy());
        file(cachedCopy());

        ResolvedModel model = resolver(Map.of(ModelResolver.MODEL_ENV, workspace.resolve("env.gguf").toString()),
                this::refuse).resolve(Optional.of(explicit));

        assertThat(model).isEqualTo(new ResolvedModel(explicit, ResolvedModel.Source.EXPLICIT));
    }

    @Test
    void missingExplicitModel_isAnError_notAFallbackToTheSharedCopy() throws IOException {
        file(sharedCopy());
        Path missing = workspace.resolve("typo.gguf");

        assertThatThrownBy(() -> resolver(Map.of(), this::refuse).resolve(Optional.of(missing)))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("--model");
    }

    @Test
    void environmentModel_winsOverBundledS1MiniAndSharedCopy() throws IOException {
        Path fromEnv = file(workspace.resolve("env.gguf"));
        file(bundledCopy());
        file(sharedCopy());

        ResolvedModel model = resolver(Map.of(ModelResolver.MODEL_ENV, fromEnv.toString()), this::refuse)
                .resolve(Optional.empty());

        assertThat(model).isEqualTo(new ResolvedModel(fromEnv, ResolvedModel.Source.ENVIRONMENT));
    }

    @Test
    void missingEnvironmentModel_isAnErrorNamingTheVariable() throws IOException {
        file(sharedCopy());

        assertThatThrownBy(() -> resolver(Map.of(ModelResolver.MODEL_ENV, "/nowhere/model.gguf"), this::refuse)
                .resolve(Optional.empty()))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining(ModelResolver.MODEL_ENV);
    }

    @Test
    void bundledS1Mini_isTheDefault_overSharedCopyAndCache() throws IOException {
        file(bundledCopy());
        file(sharedCopy());
        file(cachedCopy());

        ResolvedModel model = resolver(Map.of(), this::refuse).resolve(Optional.empty());

        assertThat(model).isEqualTo(new ResolvedModel(bundledCopy(), ResolvedModel.Source.BUNDLED));
    }

    @Test
    void theRealRepository_bundlesS1Mini() {
        RepoLayout real = new RepoLayout(Path.of("..").toAbsolutePath().normalize());

        ResolvedModel model = new ModelResolver(real, Map.of(), this::refuse).resolve(Optional.empty());

        assertThat(model.source()).isEqualTo(ResolvedModel.Source.BUNDLED);
        assertThat(model.path()).isRegularFile().hasFileName("s1-mini.gguf");
    }

    @Test
    void sharedCopy_winsOverCache() throws IOException {
        file(sharedCopy());
        file(cachedCopy());

        ResolvedModel model = resolver(Map.of(), this::refuse).resolve(Optional.empty());

        assertThat(model).isEqualTo(new ResolvedModel(sharedCopy(), ResolvedModel.Source.SHARED));
    }

    @Test
    void cachedCopy_isUsedWithoutDownloading() throws IOException {
        file(cachedCopy());

        ResolvedModel model = resolver(Map.of(), this::refuse).resolve(Optional.empty());

        assertThat(model).isEqualTo(new ResolvedModel(cachedCopy(), ResolvedModel.Source.CACHE));
    }

    @Test
    void download_withMatchingChecksum_isCached_andTheNextResolveUsesTheCache() {
        ModelResolver resolver = resolver(Map.of(), this::serveModel);

        ResolvedModel first = resolver.resolve(Optional.empty());
        ResolvedModel second = resolver.resolve(Optional.empty());

        assertThat(first).isEqualTo(new ResolvedModel(cachedCopy(), ResolvedModel.Source.DOWNLOADED));
        assertThat(cachedCopy()).hasBinaryContent(MODEL_BYTES);
        assertThat(second.source()).isEqualTo(ResolvedModel.Source.CACHE);
        assertThat(downloads).containsExactly(SOURCE);
    }

    @Test
    void download_withWrongChecksum_failsAndLeavesNothingInTheCache() throws IOException {
        ModelResolver resolver = resolver(Map.of(), (source, target) -> Files.write(target, new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> resolver.resolve(Optional.empty()))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("expected " + MODEL_SHA256)
                .hasMessageContaining("--model PATH")
                .hasMessageContaining("REASONER_MODEL=PATH");
        try (var files = Files.list(layout.modelCacheDir())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void download_whenOffline_failsExplainingHowToSupplyTheModel() {
        ModelResolver resolver = resolver(Map.of(), (source, target) -> {
            throw new ConnectException("Network is unreachable");
        });

        assertThatThrownBy(() -> resolver.resolve(Optional.empty()))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("could not be downloaded")
                .hasMessageContaining("Network is unreachable")
                .hasMessageContaining("--model PATH")
                .hasMessageContaining("REASONER_MODEL=PATH");
    }

    @Test
    void sha256_ofKnownBytes_matchesSha256sum() throws IOException {
        Path model = Files.write(workspace.resolve("m.gguf"), MODEL_BYTES);

        assertThat(ModelResolver.sha256(model)).isEqualTo(MODEL_SHA256);
    }

    private ModelResolver resolver(Map<String, String> env, ModelDownloader downloader) {
        return new ModelResolver(layout, env, downloader, SOURCE, MODEL_SHA256);
    }

    private void serveModel(URI source, Path target) throws IOException {
        downloads.add(source);
        Files.write(target, MODEL_BYTES);
    }

    private void refuse(URI source, Path target) {
        throw new AssertionError("must not download " + source);
    }

    private Path bundledCopy() {
        return layout.bundledModelsDir().resolve("s1-mini").resolve("s1-mini.gguf");
    }

    private Path sharedCopy() {
        return workspace.resolve("shared").resolve("models").resolve("stories260K").resolve("stories260K.gguf");
    }

    private Path cachedCopy() {
        return layout.modelCacheDir().resolve("stories260K.gguf");
    }

    private static Path file(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.write(path, MODEL_BYTES);
    }
}
