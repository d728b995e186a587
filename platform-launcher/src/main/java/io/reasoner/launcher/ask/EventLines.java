package io.reasoner.launcher.ask;

import io.reasoner.launcher.LauncherException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lines of one streaming HTTP response, handed from the HTTP client's threads to the reader through a
 * queue, so that every wait of the reader is a bounded poll: a gateway that stops talking (not even heartbeats)
 * ends the stream with a clear error instead of hanging the terminal.
 */
final class EventLines implements Flow.Subscriber<String> {

    private sealed interface Item permits Line, End, Failed {
    }

    private record Line(String text) implements Item {
    }

    private record End() implements Item {
    }

    private record Failed(String message, Throwable cause) implements Item {
    }

    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        this.subscription = newSubscription;
        // SSE for one request is small (one line per token at most); no need for back-pressure.
        newSubscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        queue.add(new Line(line));
    }

    @Override
    public void onError(Throwable error) {
        queue.add(new Failed("the event stream broke: " + error, error));
    }

    @Override
    public void onComplete() {
        queue.add(new End());
    }

    /** Ends the stream with an error the reader will see, e.g. a non-200 answer or a failed connection. */
    void fail(String message, Throwable cause) {
        queue.add(new Failed(message, cause));
    }

    /**
     * The next line, or empty at the end of the stream.
     *
     * @throws LauncherException if nothing arrives within {@code idleTimeout} or the stream failed
     */
    Optional<String> next(Duration idleTimeout) throws InterruptedException {
        Item item = queue.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            cancel();
            throw new LauncherException("the gateway sent nothing for " + idleTimeout.toSeconds()
                    + " s; giving up on the event stream");
        }
        if (item instanceof Line line) {
            return Optional.of(line.text());
        }
        if (item instanceof Failed failed) {
            throw new LauncherException(failed.message(), failed.cause());
        }
        return Optional.empty();
    }

    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
