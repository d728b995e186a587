package io.reasoner.policy.topology;

/** The names of the topology's state stores; the HTTP layer queries the last three. */
public final class PolicyStores {

    /** Request id to {@link Outstanding}: requests without a result yet. */
    public static final String OUTSTANDING = "outstanding-requests";
    /** Windowed platform load ({@link WindowLoad}) under the single platform key. */
    public static final String WINDOW_LOAD = "window-load";
    /** The controller's memory ({@link ControllerMemory}) under the single platform key. */
    public static final String CONTROLLER = "controller-state";
    /** Tier key to {@link PolicyOverride}: pinned policies, until they expire. */
    public static final String OVERRIDES = "policy-overrides";
    /** Tier key to the {@link io.reasoner.protocol.BudgetPolicy} last published (encoded by the protocol codec). */
    public static final String POLICIES = "tier-policy";
    /** Tier key to {@link TierLoadView}: the aggregates of the last closed window. */
    public static final String LOAD = "tier-load";

    private PolicyStores() {
    }
}
