package io.reasoner.gateway.sse;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client stream fed from a tracked request, for any wire format (native SSE, OpenAI chunks). Writes happen on a
 * shared executor, never on the Kafka listener thread, and at most one drain runs at a time, so events go out in
 * order and a slow client cannot stall the consumer. A failed write means the client is gone.
 */
public abstract class SerializedStream implements Runnable {

    private final Executor executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    protected SerializedStream(Executor executor) {
        this.executor = executor;
    }

    /** Asks for a drain; cheap and non-blocking, safe to call from any thread. */
    public final void signal() {
        if (!closed.get() && scheduled.compareAndSet(false, true)) {
            executor.execute(this);
        }
    }

    @Override
    public final void run() {
        // Cleared before draining: a signal that arrives mid-drain schedules another pass, so nothing is missed.
        scheduled.set(false);
        synchronized (this) {
            if (closed.get()) {
                return;
            }
            try {
                drain();
            } catch (IOException | IllegalStateException e) {
                clientGone();
            }
        }
    }

    /** A comment line, so proxies keep an idle stream open and a vanished client is noticed. */
    public final void heartbeat() {
        synchronized (this) {
            if (closed.get()) {
                return;
            }
            try {
                writeHeartbeat();
            } catch (IOException | IllegalStateException e) {
                clientGone();
            }
        }
    }

    public final boolean closed() {
        return closed.get();
    }

    /** Marks the stream closed; true for the one caller that closed it. */
    protected final boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /** Writes whatever the request has that the client has not seen; called under this stream's lock. */
    protected abstract void drain() throws IOException;

    protected abstract void writeHeartbeat() throws IOException;

    /** A write failed: the client went away. */
    protected abstract void clientGone();
}
