package io.reasoner.launcher.model;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads over HTTPS with java.net.http, following redirects (Hugging Face answers with one to its CDN).
 * {@link HttpRequest#timeout} only bounds the wait for headers, so the whole transfer is bounded separately.
 */
public final class HttpModelDownloader implements ModelDownloader {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(30);
    /** The default model is about 1.2 MB; two minutes allows for a very slow link. */
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @Override
    public void download(URI source, Path target) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(source).timeout(HEADERS_TIMEOUT).GET().build();
        CompletableFuture<HttpResponse<Path>> response = client.sendAsync(request, HttpResponse.BodyHandlers
                .ofFile(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE));
        HttpResponse<Path> done;
        try {
            done = response.get(TRANSFER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new IOException("download of " + source + " did not finish within "
                    + TRANSFER_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot download " + source + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + source, e);
        }
        if (done.statusCode() != 200) {
            throw new IOException("download of " + source + " answered HTTP " + done.statusCode());
        }
    }
}
