package io.reasoner.launcher.model;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Fetches a file; injected into {@link ModelResolver} so tests never touch the network. */
@FunctionalInterface
public interface ModelDownloader {

    /**
     * Writes the body at {@code source} to {@code target}, replacing it. Must give up within a bounded time.
     *
     * @throws IOException when the file cannot be fetched (offline, HTTP error, timeout)
     */
    void download(URI source, Path target) throws IOException;
}
