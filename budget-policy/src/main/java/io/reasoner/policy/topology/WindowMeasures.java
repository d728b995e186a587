package io.reasoner.policy.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.reasoner.policy.control.PlatformSignals;
import io.reasoner.policy.control.TierSignals;
import io.reasoner.protocol.Priority;

/**
 * Turns a closed window's raw aggregate into the control law's inputs. Pure.
 *
 * <p>Capacity: workers report tokens per second decoded and busy slots, not what they could do. The speed of one
 * busy slot is total tokens per second over total busy slots across the window's reports; capacity is that times
 * every reporting worker's slots. With no busy slot in the window, the last measured speed is kept. Only workers
 * that reported in the window count, so a worker that stops reporting leaves the capacity within one window.
 *
 * <p>Queue wait: results carry no start time, so a completion's time in queue is estimated as its time to answer
 * minus its decoded tokens at the per-slot speed.
 */
record WindowMeasures(PlatformSignals signals, double perSlotTokensPerSecond, Map<Priority, Double> meanThinkingUsed) {

    static WindowMeasures of(WindowLoad load, ControllerMemory memory, double windowSeconds) {
        long busySlots = 0;
        long slotReports = 0;
        double tokensPerSecond = 0;
        int slots = 0;
        for (WindowLoad.WorkerWindow worker : load.workers().values()) {
            busySlots += worker.slotsUsedSum();
            slotReports += worker.reports() * worker.slotsTotal();
            tokensPerSecond += worker.tokensPerSecondSum();
            slots += worker.slotsTotal();
        }
        double perSlot = busySlots > 0 && tokensPerSecond > 0 ? tokensPerSecond / busySlots
                : memory.perSlotTokensPerSecond();
        double capacity = perSlot * slots;
        double utilization = slotReports == 0 ? 0 : Math.min(1.0, (double) busySlots / slotReports);

        Map<Priority, TierSignals> tiers = new EnumMap<>(Priority.class);
        Map<Priority, Double> meanThinking = new EnumMap<>(Priority.class);
        for (Priority tier : Priority.values()) {
            String key = PolicyTopology.tierKey(tier);
            WindowLoad.TierWindow window = load.tiers().getOrDefault(key, WindowLoad.TierWindow.EMPTY);
            ControllerMemory.Backlog backlog = memory.backlog(key);
            tiers.put(tier, new TierSignals(window.arrivals(), window.arrivedThinkingTokens(),
                    window.arrivedAnswerTokens(), backlog.thinkingTokens(), backlog.answerTokens(),
                    window.completions(), p95Seconds(window.timeToAnswerMs()),
                    p95Seconds(queueWaitsMs(window, perSlot))));
            if (window.completions() > 0) {
                meanThinking.put(tier, (double) window.usedThinkingTokens() / window.completions());
            }
        }
        return new WindowMeasures(new PlatformSignals(tiers, capacity, utilization, windowSeconds), perSlot,
                meanThinking);
    }

    /** Requested tokens on the books at the window's end: what was there, plus arrivals, less what left. */
    static ControllerMemory.Backlog backlogAfter(ControllerMemory.Backlog before, WindowLoad.TierWindow window) {
        return new ControllerMemory.Backlog(
                Math.max(0, before.thinkingTokens() + window.arrivedThinkingTokens() - window.leftThinkingTokens()),
                Math.max(0, before.answerTokens() + window.arrivedAnswerTokens() - window.leftAnswerTokens()));
    }

    private static List<Long> queueWaitsMs(WindowLoad.TierWindow window, double perSlotTokensPerSecond) {
        List<Long> waits = new ArrayList<>(window.timeToAnswerMs().size());
        for (int i = 0; i < window.timeToAnswerMs().size(); i++) {
            double decodingMs = 1000.0 * window.usedTokens().get(i) / perSlotTokensPerSecond;
            waits.add(Math.max(0, Math.round(window.timeToAnswerMs().get(i) - decodingMs)));
        }
        return waits;
    }

    /** Nearest-rank 95th percentile in seconds, NaN for no samples. */
    static double p95Seconds(List<Long> millis) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(rank - 1) / 1000.0;
    }
}
