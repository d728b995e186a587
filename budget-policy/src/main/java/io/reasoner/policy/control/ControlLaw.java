package io.reasoner.policy.control;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.reasoner.protocol.Priority;

/**
 * The load-adaptive budget controller: a pure function from (state, one window's signals) to (next state,
 * per-tier decisions). No clock, no I/O; call it once per closed window. Thread-safe (immutable).
 *
 * <p>Model: the platform serves tiers in priority order, so work ahead of a new request of tier {@code t} is the
 * work of {@code t} and of every tier above it. Expected wait = (backlog + demand, in tokens) / capacity (tokens
 * per second), where a tier's thinking tokens are scaled by its multiplier and answer tokens are not. Solving
 * {@code wait(m) = target} for {@code m} gives the multiplier that would meet the target.
 *
 * <p>Stability: a tier shrinks only when its expected wait exceeds the target (or its observed p95 exceeds the
 * SLO) and grows only to the multiplier whose wait is below {@code (1 - headroom) × target}: between the two it
 * holds. A window may at most multiply the multiplier by {@code maxDecreaseFactor} and at most add
 * {@code growStep} (except that an expected wait beyond the whole SLO is cut at once), changes under
 * {@code deadband} are not made, and growth waits for {@code calmWindowsBeforeGrowth} calm windows. See
 * {@code docs/budget-policy.md}.
 *
 * <p>Priority: when a tier is at risk, the tiers below it are cut to their floors at once, and the tier itself
 * shrinks only in a later window, once nothing below it can yield (at once if its expected wait exceeds its whole
 * SLO, or its observed p95 does). A tier grows back only once every tier above it has all it asked for.
 */
public final class ControlLaw {

    /** The result of one step. */
    public record Step(Map<Priority, TierState> state, Map<Priority, TierDecision> decisions) {
        public Step {
            state = Map.copyOf(state);
            decisions = Map.copyOf(decisions);
        }
    }

    private static final double EPSILON = 1e-9;

    private final ControlParameters parameters;

    public ControlLaw(ControlParameters parameters) {
        this.parameters = parameters;
    }

    public ControlParameters parameters() {
        return parameters;
    }

    /** One window: tiers are decided in priority order, each seeing the work of the tiers above it. */
    public Step step(Map<Priority, TierState> state, PlatformSignals signals) {
        Map<Priority, TierState> next = new EnumMap<>(Priority.class);
        Map<Priority, TierDecision> decisions = new EnumMap<>(Priority.class);
        double workAhead = 0;
        boolean higherAtRisk = false;
        boolean higherShrunk = false;
        Priority[] tiers = Priority.values();
        for (int i = 0; i < tiers.length; i++) {
            Priority tier = tiers[i];
            TierState current = smoothDemand(state.getOrDefault(tier, TierState.INITIAL), signals.tier(tier));
            TierSignals load = signals.tier(tier).withArrivals(current.demandThinkingTokens(),
                    current.demandAnswerTokens());
            boolean lowerCanYield = i + 1 < tiers.length && canYield(tiers[i + 1], state, signals);
            Outcome outcome = decide(tier, current, load, signals, workAhead, higherAtRisk, higherShrunk,
                    lowerCanYield);
            next.put(tier, outcome.state);
            decisions.put(tier, outcome.decision);
            workAhead += load.work(outcome.state.multiplier());
            higherAtRisk |= outcome.atRisk;
            higherShrunk |= outcome.state.multiplier() < 1.0;
        }
        return new Step(next, decisions);
    }

    /**
     * Follows a rise in arrivals at once (a burst must be met in the window it arrives) and a fall only by
     * {@code demandDecay} of the gap, so that one quiet window in noisy load does not grow budgets that the next
     * busy one cuts again.
     */
    private TierState smoothDemand(TierState state, TierSignals window) {
        return new TierState(state.multiplier(), state.calmWindows(),
                follow(state.demandThinkingTokens(), window.arrivedThinkingTokens()),
                follow(state.demandAnswerTokens(), window.arrivedAnswerTokens()));
    }

    private double follow(double estimate, double observed) {
        return observed >= estimate ? observed : estimate + parameters.demandDecay() * (observed - estimate);
    }

    /** Whether a lower tier can still be cut to relieve a higher one: it has work and is above its floor. */
    private boolean canYield(Priority tier, Map<Priority, TierState> state, PlatformSignals signals) {
        double multiplier = state.getOrDefault(tier, TierState.INITIAL).multiplier();
        return signals.tier(tier).hasWork() && multiplier > parameters.tier(tier).floorMultiplier() + EPSILON;
    }

    private record Outcome(TierState state, TierDecision decision, boolean atRisk) {
    }

    /** What a tier's decision asks for before the limits; {@code atOnce} exempts a cut from the rate limit. */
    private record Wish(double multiplier, Action action, String why, boolean atOnce) {

        Wish(double multiplier, Action action, String why) {
            this(multiplier, action, why, false);
        }
    }

    private Outcome decide(Priority tier, TierState current, TierSignals load, PlatformSignals signals,
            double workAhead, boolean higherAtRisk, boolean higherShrunk, boolean lowerCanYield) {
        TierParameters limits = parameters.tier(tier);
        double capacity = signals.capacityTokensPerSecond();
        double now = current.multiplier();
        if (capacity <= 0) {
            return new Outcome(current, decision(tier, now, Action.BLIND,
                    "no capacity measured (no worker reported in the window)", Double.NaN, load), false);
        }
        double wait = (workAhead + load.work(now)) / capacity;
        Double slo = limits.sloP95Seconds();
        double p95 = load.p95TimeToAnswerSeconds();
        boolean observedBreach = slo != null && p95 > slo;
        boolean observedRisk = slo != null && p95 > parameters.riskFraction() * slo;
        boolean atRisk = wait > limits.targetWaitSeconds() || observedBreach;

        Wish wish;
        if (higherAtRisk) {
            wish = new Wish(limits.floorMultiplier(), Action.PROTECT, "protect the tier above, which is at risk: "
                    + "cut to the floor " + format(limits.floorMultiplier()));
        } else if (atRisk) {
            boolean emergency = observedBreach || (slo != null && wait > slo);
            String risk = observedBreach ? "observed p95 " + seconds(p95) + " over the SLO " + seconds(slo)
                    : "expected wait " + seconds(wait) + " over target " + seconds(limits.targetWaitSeconds());
            if (lowerCanYield && !emergency) {
                wish = new Wish(now, Action.YIELD, "at risk (" + risk + "): the tier below is cut first");
            } else {
                double needed = solve(limits.targetWaitSeconds(), workAhead, load, capacity);
                if (observedBreach) {
                    needed = Math.min(needed, now * parameters.maxDecreaseFactor());
                }
                // Work already on the books beyond the whole SLO is no estimate noise: halving per window would
                // let it grow for another window or two, and every request in it would miss. Cut at once.
                boolean beyondSlo = slo != null && wait > slo;
                wish = new Wish(needed, Action.SHRINK, beyondSlo ? risk + ", beyond the SLO: cut at once" : risk,
                        beyondSlo);
            }
        } else {
            boolean idle = signals.utilization() < parameters.idleUtilization();
            double ceiling = idle ? limits.maxMultiplier() : 1.0;
            double grow = Math.min(ceiling,
                    solve((1 - parameters.headroom()) * limits.targetWaitSeconds(), workAhead, load, capacity));
            if (observedRisk || higherShrunk) {
                // A tier grows back only once every tier above it has all it asked for.
                grow = Math.min(grow, now);
            }
            double target = now > ceiling ? ceiling : Math.max(now, grow);
            Action action = target > 1.0 && target > now ? Action.BOOST : Action.GROW;
            String why = action == Action.BOOST
                    ? "capacity idle (utilization " + percent(signals.utilization()) + ")"
                    : now > ceiling ? "capacity no longer idle (utilization "
                            + percent(signals.utilization()) + ")"
                    : "expected wait " + seconds(wait) + " within target " + seconds(limits.targetWaitSeconds());
            wish = new Wish(target, action, why);
        }
        return limit(tier, current, wish, atRisk || higherAtRisk, workAhead, load, capacity, atRisk);
    }

    /** Applies the deadband, the rate limits, the calm-window rule and the tier's bounds to a wish. */
    private Outcome limit(Priority tier, TierState current, Wish wish, boolean unsettled, double workAhead,
            TierSignals load, double capacity, boolean atRisk) {
        TierParameters limits = parameters.tier(tier);
        double now = current.multiplier();
        boolean snapsToRequested = wish.multiplier == 1.0 && now != 1.0;
        boolean shrinking = wish.multiplier < now - parameters.deadband() || (snapsToRequested && now > 1.0);
        boolean growing = wish.multiplier > now + parameters.deadband() || (snapsToRequested && now < 1.0);
        int calm = growing && !unsettled ? current.calmWindows() + 1 : 0;
        double next = now;
        Action action = wish.action;
        String why = wish.why;
        if (shrinking) {
            next = wish.action == Action.PROTECT || wish.atOnce ? wish.multiplier
                    : Math.max(wish.multiplier, now * parameters.maxDecreaseFactor());
            action = wish.action == Action.GROW || wish.action == Action.BOOST ? Action.SHRINK : wish.action;
        } else if (growing && calm >= parameters.calmWindowsBeforeGrowth()) {
            next = Math.min(wish.multiplier, now + parameters.growStep());
        } else if (growing) {
            action = Action.HOLD;
            why = why + "; growth waits for " + parameters.calmWindowsBeforeGrowth() + " calm windows, "
                    + calm + " so far";
        } else if (wish.action != Action.YIELD) {
            action = Action.HOLD;
        }
        next = Math.max(limits.floorMultiplier(), Math.min(limits.maxMultiplier(), next));
        if (action == Action.BOOST && next <= 1.0) {
            action = Action.GROW; // growing towards a boost, still within what was requested
        }
        if (next != now) {
            why = why + "; multiplier " + format(now) + " -> " + format(next);
        }
        double expectedWait = (workAhead + load.work(next)) / capacity;
        return new Outcome(new TierState(next, calm, current.demandThinkingTokens(), current.demandAnswerTokens()),
                decision(tier, next, action, why, expectedWait, load), atRisk);
    }

    /** The multiplier at which {@code (workAhead + answers + m × thinking) / capacity = targetSeconds}. */
    static double solve(double targetSeconds, double workAhead, TierSignals load, double capacity) {
        if (load.thinkingWork() <= 0) {
            return Double.MAX_VALUE;
        }
        double room = targetSeconds * capacity - workAhead - load.answerWork();
        return Math.max(0, room / load.thinkingWork());
    }

    private TierDecision decision(Priority tier, double multiplier, Action action, String reason,
            double expectedWait, TierSignals load) {
        TierParameters limits = parameters.tier(tier);
        // Under load, extensions go first: they only ever add thinking past the point where the model would stop.
        int extensionsAllowed = multiplier < 1.0 ? 0 : limits.maxExtensions();
        int extra = multiplier > 1.0 ? limits.boostExtraExtensions() : 0;
        double limit = limits.sloP95Seconds() != null ? limits.sloP95Seconds() : limits.targetWaitSeconds();
        double observed = Double.isNaN(load.p95TimeToAnswerSeconds()) ? 0 : load.p95TimeToAnswerSeconds();
        double headroom = limit - Math.max(Double.isNaN(expectedWait) ? 0 : expectedWait, observed);
        return new TierDecision(tier, multiplier, limits.maxThinkingTokens(), limits.floorThinkingTokens(),
                extensionsAllowed, extra, action, reason, expectedWait, limits.targetWaitSeconds(), headroom);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
