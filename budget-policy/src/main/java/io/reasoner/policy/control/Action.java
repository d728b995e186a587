package io.reasoner.policy.control;

/** What the controller did to a tier in one window. */
public enum Action {
    /** Nothing to change, or a change held back by hysteresis or the calm-window rule. */
    HOLD,
    /** Budgets cut because the tier's expected wait or observed p95 put its objective at risk. */
    SHRINK,
    /** The tier is at risk but a lower tier is cut first. */
    YIELD,
    /** Cut to the floor at once because a higher tier is at risk. */
    PROTECT,
    /** Budgets grown back towards what was requested. */
    GROW,
    /** More than requested, because capacity is idle. */
    BOOST,
    /** No capacity measured: nothing can be predicted, so nothing changes. */
    BLIND
}
