package io.reasoner.launcher.model;

import java.nio.file.Path;
import java.util.Objects;

/** A model file and where it was found, so the launcher can say which one it uses. */
public record ResolvedModel(Path path, Source source) {

    public enum Source {
        /** {@code --model PATH}. */
        EXPLICIT,
        /** The {@code REASONER_MODEL} environment variable. */
        ENVIRONMENT,
        /** s1-mini, committed in the repository's {@code models/}. */
        BUNDLED,
        /** The shared copy beside the checkout ({@code ../shared/models}). */
        SHARED,
        /** A previous download in {@code .reasoner/models}. */
        CACHE,
        /** Downloaded just now, checksum verified, and cached. */
        DOWNLOADED
    }

    public ResolvedModel {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        path = path.toAbsolutePath().normalize();
    }

    public String describe() {
        return path + " (" + switch (source) {
            case EXPLICIT -> "from --model";
            case ENVIRONMENT -> "from " + ModelResolver.MODEL_ENV;
            case BUNDLED -> "s1-mini, committed with the code";
            case SHARED -> "shared copy";
            case CACHE -> "cached download";
            case DOWNLOADED -> "downloaded and verified";
        } + ")";
    }
}
