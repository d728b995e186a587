package io.reasoner.gateway.sse;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.reasoner.gateway.GatewayProperties;
import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.protocol.EventCodec;

/** Opens SSE streams over tracked requests and keeps them alive with heartbeats. */
public final class EventStreams implements AutoCloseable {

    private final EventCodec codec;
    private final Clock clock;
    private final GatewayProperties properties;
    private final DeliveryLatency latency;
    private final ExecutorService writers;
    private final ScheduledExecutorService timers;
    private final Set<SseSubscription> open = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    public EventStreams(EventCodec codec, Clock clock, GatewayProperties properties, DeliveryLatency latency,
            int writerThreads) {
        this.codec = codec;
        this.latency = latency;
        this.clock = clock;
        this.properties = properties;
        this.writers = Executors.newFixedThreadPool(writerThreads, daemon("sse-writer"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("sse-timer"));
        long heartbeatMs = properties.heartbeatInterval().toMillis();
        timers.scheduleAtFixedRate(this::heartbeatAndRecheck, heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Streams the request's events starting after {@code lastEventId} (the last sequence number the client saw),
     * or from the beginning when it is null.
     */
    public SseEmitter open(TrackedRequest request, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        long fromSeq = lastEventId == null ? 0 : lastEventId + 1;
        SseSubscription subscription = new SseSubscription(request, emitter, codec, writers, clock::millis,
                properties.doneGrace().toMillis(), fromSeq, latency);
        Runnable listener = subscription::signal;
        Runnable cleanup = () -> {
            request.removeListener(listener);
            open.remove(subscription);
        };
        emitter.onCompletion(cleanup);
        emitter.onTimeout(() -> {
            subscription.close();
            cleanup.run();
        });
        emitter.onError(error -> {
            subscription.close();
            cleanup.run();
        });
        open.add(subscription);
        request.addListener(listener);
        if (draining) {
            subscription.close();
            return emitter;
        }
        subscription.signal();
        return emitter;
    }

    /**
     * Ends every open stream, and every stream opened from now on, without its {@code done} event: this instance
     * is shutting down. Clients reconnect with {@code Last-Event-ID}, to any instance, and lose nothing; and the
     * web server's graceful shutdown need not wait for streams that would otherwise last as long as their request.
     */
    public void drain() {
        draining = true;
        open.forEach(SseSubscription::close);
    }

    public int openStreams() {
        return open.size();
    }

    /**
     * Heartbeats idle streams, and re-drains each so a stream whose result arrived without all its chunks ends
     * once the grace period passes even if no further event comes.
     */
    private void heartbeatAndRecheck() {
        for (SseSubscription subscription : open) {
            subscription.heartbeat();
            subscription.signal();
        }
        open.removeIf(SseSubscription::closed);
    }

    @Override
    public void close() {
        open.forEach(SseSubscription::close);
        timers.shutdownNow();
        writers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
