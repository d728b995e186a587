package io.reasoner.engine.budget;

/**
 * Receives a forced generation's events on the decoding thread, each before the next forward pass starts; a slow
 * consumer delays decoding, so hand off rather than block. An exception thrown here ends the generation and
 * propagates to the caller of {@link BudgetForcer#generate}.
 */
@FunctionalInterface
public interface ForcingListener {

    void onEvent(ForcingEvent event);

    static ForcingListener ignoring() {
        return event -> { };
    }
}
