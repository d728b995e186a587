package io.reasoner.gateway.openai;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.function.ServerResponse;

import io.reasoner.gateway.GatewayProperties;
import io.reasoner.gateway.service.ReasoningService;
import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.protocol.ReasoningResult;

/**
 * Answers completions from tracked requests: opens OpenAI event streams (with heartbeats and the end-of-result
 * grace of the native streams) and waits for results of non-streaming ones. Cancellations of abandoned requests
 * run on the writer threads, since publishing one may block for up to the publish timeout.
 */
final class CompletionStreams implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CompletionStreams.class);

    private final ReasoningService service;
    private final Clock clock;
    private final GatewayProperties properties;
    private final ExecutorService writers;
    private final ScheduledExecutorService timers;
    private final Set<CompletionStream> open = ConcurrentHashMap.newKeySet();

    CompletionStreams(ReasoningService service, Clock clock, GatewayProperties properties,
            int writerThreads) {
        this.service = service;
        this.clock = clock;
        this.properties = properties;
        this.writers = Executors.newFixedThreadPool(writerThreads, daemon("openai-writer"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("openai-timer"));
        long heartbeatMs = properties.heartbeatInterval().toMillis();
        timers.scheduleAtFixedRate(this::heartbeatAndRecheck, heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
    }

    /** A streaming answer; a client that leaves before the end cancels the request unless {@code keepRunning}. */
    ServerResponse open(TrackedRequest request, CompletionShaper shaper, boolean includeUsage, boolean keepRunning) {
        Runnable whenAbandoned = keepRunning ? () -> { } : () -> cancelLater(request, "client left the stream");
        return ServerResponse.sse(sse -> {
            CompletionStream stream = new CompletionStream(request, new SseSink(sse), shaper, includeUsage, writers,
                    clock::millis, properties.doneGrace().toMillis(), whenAbandoned);
            Runnable listener = stream::signal;
            sse.onTimeout(stream::abandon);
            sse.onError(error -> stream.abandon());
            sse.onComplete(() -> {
                stream.abandon();
                request.removeListener(listener);
                open.remove(stream);
            });
            open.add(stream);
            request.addListener(listener);
            stream.signal();
        }, properties.streamTimeout());
    }

    /** Completes, on a writer thread, once the request's result is in. */
    CompletableFuture<ReasoningResult> result(TrackedRequest request) {
        CompletableFuture<ReasoningResult> future = new CompletableFuture<>();
        Runnable listener = () -> {
            ReasoningResult result = request.result();
            if (result != null && !future.isDone()) {
                // Listeners run on the Kafka consumer thread; what depends on the future must not.
                writers.execute(() -> future.complete(result));
            }
        };
        request.addListener(listener);
        future.whenComplete((result, failure) -> request.removeListener(listener));
        listener.run();
        return future;
    }

    /** Cancels a request nobody will read, on a writer thread; a failure is logged, as there is no caller left. */
    void cancelLater(TrackedRequest request, String reason) {
        writers.execute(() -> {
            try {
                service.cancel(request.requestId(), request.tenant(), reason);
            } catch (RuntimeException e) {
                log.warn("could not cancel abandoned request {}: {}", request.requestId(), e.toString());
            }
        });
    }

    private void heartbeatAndRecheck() {
        for (CompletionStream stream : open) {
            stream.heartbeat();
            stream.signal();
        }
        open.removeIf(CompletionStream::closed);
    }

    @Override
    public void close() {
        // Streams end with the gateway, but their requests are not cancelled: another instance may serve them.
        open.forEach(CompletionStream::stop);
        timers.shutdownNow();
        writers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Spring's functional SSE builder as a sink: strings go out verbatim, records as JSON. */
    private record SseSink(ServerResponse.SseBuilder sse) implements CompletionStream.Sink {

        @Override
        public void send(Object event) throws IOException {
            sse.send(event);
        }

        @Override
        public void comment(String text) throws IOException {
            sse.comment(text).send();
        }

        @Override
        public void complete() {
            sse.complete();
        }
    }
}
