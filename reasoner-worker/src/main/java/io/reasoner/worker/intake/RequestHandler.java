package io.reasoner.worker.intake;

import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Serves one request record on a slot thread; what the intake needs to know of how it went. */
@FunctionalInterface
public interface RequestHandler {

    /**
     * Serves the record to the end: its chunks and result are acknowledged by the broker when this returns
     * {@link Handled#DONE}.
     *
     * @param mayHaveHistory false when the record reached the log after this worker was given its partition, so
     *                   that no worker can have served any of it before: the handler need not look for its
     *                   chunks or result in the log. True when that is not known
     * @param handedOver becomes true when this worker gives the request up (its partition moved to another worker,
     *                   or the worker is shutting down); the handler then stops within one decoding step, publishes
     *                   no result, and returns {@link Handled#HANDED_OVER}, so the next owner resumes it from the log
     * @throws RuntimeException if the outcome could not be published; the record is not committed and is served
     *                          again by whoever owns its partition next
     */
    Handled handle(ConsumerRecord<String, byte[]> record, boolean mayHaveHistory, BooleanSupplier handedOver);

    enum Handled {
        /** A result is in the log: commit past it. */
        DONE,
        /** Stopped without a result: never commit past it; the next owner of the partition serves it. */
        HANDED_OVER
    }
}
