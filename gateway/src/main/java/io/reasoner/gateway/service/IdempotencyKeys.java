package io.reasoner.gateway.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which request each {@code (tenant, Idempotency-Key)} created, so that a retried POST returns that request
 * instead of creating another. Keys are scoped by tenant: the same key from two tenants names two requests.
 * Bounded by size (the oldest key goes first) and by time (a key is forgotten {@code retention} after it was
 * first used). Thread-safe; time comes from the injected clock.
 */
public final class IdempotencyKeys {

    /** Longer keys are refused, so a client cannot make the gateway hold arbitrary amounts of text. */
    public static final int MAX_KEY_LENGTH = 255;

    private record Scoped(String tenant, String key) {
    }

    private record Entry(String requestId, long createdAtMs) {
    }

    private final Map<Scoped, Entry> entries = new LinkedHashMap<>();
    private final Clock clock;
    private final long retentionMs;
    private final int maxKeys;

    public IdempotencyKeys(Clock clock, Duration retention, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be >= 1, was " + maxKeys);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        this.clock = clock;
        this.retentionMs = retention.toMillis();
        this.maxKeys = maxKeys;
    }

    /** @throws IllegalArgumentException if the key is blank or longer than {@value #MAX_KEY_LENGTH} characters */
    public static void validate(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH
                    + " characters, was " + key.length());
        }
    }

    /** The request this tenant created with this key within the retention period. */
    public synchronized Optional<String> find(String tenant, String key) {
        expire();
        Entry entry = entries.get(new Scoped(tenant, key));
        return entry == null ? Optional.empty() : Optional.of(entry.requestId());
    }

    public synchronized void remember(String tenant, String key, String requestId) {
        expire();
        Scoped scoped = new Scoped(tenant, key);
        // Removed first, so a re-remembered key moves to the end and the map stays ordered by creation time.
        entries.remove(scoped);
        entries.put(scoped, new Entry(requestId, clock.millis()));
        Iterator<Entry> oldest = entries.values().iterator();
        while (entries.size() > maxKeys) {
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized void forget(String tenant, String key) {
        entries.remove(new Scoped(tenant, key));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Entries are in insertion order, hence oldest first: stop at the first one still fresh. */
    private void expire() {
        long now = clock.millis();
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext() && now - it.next().createdAtMs() >= retentionMs) {
            it.remove();
        }
    }
}
