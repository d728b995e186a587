package io.reasoner.worker.intake;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's decoding slots: one thread each, so each request keeps a thread for its sampling and budget
 * forcing while the model's forward passes are shared (see the engine's {@code BatchingModel}). The intake submits
 * only when {@link #free()} is positive, so no request ever waits in a queue here.
 */
public final class SlotPool implements AutoCloseable {

    private final int total;
    private final AtomicInteger used = new AtomicInteger();
    private final ExecutorService threads;

    public SlotPool(int total) {
        if (total < 1) {
            throw new IllegalArgumentException("total must be >= 1, was " + total);
        }
        this.total = total;
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "slot-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newFixedThreadPool(total, factory);
    }

    /**
     * Runs {@code work} on a free slot.
     *
     * @throws IllegalStateException if every slot is busy: the caller must check {@link #free()} first
     */
    void submit(Runnable work) {
        if (used.incrementAndGet() > total) {
            used.decrementAndGet();
            throw new IllegalStateException("all " + total + " slots are busy");
        }
        threads.execute(() -> {
            try {
                work.run();
            } finally {
                used.decrementAndGet();
            }
        });
    }

    public int free() {
        return total - used.get();
    }

    public int used() {
        return used.get();
    }

    public int total() {
        return total;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
