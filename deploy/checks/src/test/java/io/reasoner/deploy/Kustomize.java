package io.reasoner.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders a Kustomize folder with {@code kubectl kustomize} (Kustomize built in), when kubectl is on the PATH. */
final class Kustomize {

    private Kustomize() {
    }

    static Optional<Path> kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The manifests {@code folder} renders to; a Kustomize error (bad patch, missing file) is an exception. */
    static List<JsonNode> render(Path kubectl, Path folder) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", folder.toString())
                .redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kubectl kustomize " + folder + " did not finish in 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + folder + " failed: "
                    + new String(err, StandardCharsets.UTF_8));
        }
        return RepoFiles.yamlDocuments(new String(out, StandardCharsets.UTF_8));
    }
}
