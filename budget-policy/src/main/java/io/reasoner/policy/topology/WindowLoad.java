package io.reasoner.policy.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything seen in one window, per tier and per worker: the windowed aggregate's value. Immutable; each
 * {@link #add} returns a new value.
 *
 * @param tiers   tier key to what the tier asked and got
 * @param workers worker id to its capacity reports
 */
public record WindowLoad(Map<String, TierWindow> tiers, Map<String, WorkerWindow> workers) {

    /** Completions kept per tier and window for percentiles; beyond it, later ones are counted but not sampled. */
    static final int MAX_SAMPLES = 2_000;

    public static final WindowLoad EMPTY = new WindowLoad(Map.of(), Map.of());

    public WindowLoad {
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
        workers = workers == null ? Map.of() : Map.copyOf(workers);
    }

    /**
     * One tier in one window. Requested tokens of arrivals and of requests that left the books (completed or
     * abandoned); completions' time to answer and decoded tokens, sampled.
     */
    public record TierWindow(long arrivals, long arrivedThinkingTokens, long arrivedAnswerTokens, long completions,
            long leftThinkingTokens, long leftAnswerTokens, long usedThinkingTokens, List<Long> timeToAnswerMs,
            List<Integer> usedTokens) {

        static final TierWindow EMPTY = new TierWindow(0, 0, 0, 0, 0, 0, 0, List.of(), List.of());

        public TierWindow {
            timeToAnswerMs = timeToAnswerMs == null ? List.of() : List.copyOf(timeToAnswerMs);
            usedTokens = usedTokens == null ? List.of() : List.copyOf(usedTokens);
        }

        TierWindow add(LoadSignal signal) {
            return switch (signal.kind()) {
                case ARRIVAL -> new TierWindow(arrivals + 1, arrivedThinkingTokens + signal.thinkingTokens(),
                        arrivedAnswerTokens + signal.answerTokens(), completions, leftThinkingTokens,
                        leftAnswerTokens, usedThinkingTokens, timeToAnswerMs, usedTokens);
                case ABANDONED -> new TierWindow(arrivals, arrivedThinkingTokens, arrivedAnswerTokens, completions,
                        leftThinkingTokens + signal.thinkingTokens(), leftAnswerTokens + signal.answerTokens(),
                        usedThinkingTokens, timeToAnswerMs, usedTokens);
                case COMPLETION -> completed(signal);
                case CAPACITY -> this;
            };
        }

        private TierWindow completed(LoadSignal signal) {
            List<Long> times = timeToAnswerMs;
            List<Integer> used = usedTokens;
            if (times.size() < MAX_SAMPLES) {
                times = new ArrayList<>(timeToAnswerMs);
                times.add(signal.timeToAnswerMs());
                used = new ArrayList<>(usedTokens);
                used.add(signal.usedTokens());
            }
            return new TierWindow(arrivals, arrivedThinkingTokens, arrivedAnswerTokens, completions + 1,
                    leftThinkingTokens + signal.thinkingTokens(), leftAnswerTokens + signal.answerTokens(),
                    usedThinkingTokens + signal.usedThinkingTokens(), times, used);
        }
    }

    /** One worker's reports in one window: sums, for means. */
    public record WorkerWindow(long reports, long slotsUsedSum, int slotsTotal, double tokensPerSecondSum) {

        WorkerWindow add(LoadSignal signal) {
            return new WorkerWindow(reports + 1, slotsUsedSum + signal.slotsUsed(), signal.slotsTotal(),
                    tokensPerSecondSum + signal.tokensPerSecond());
        }
    }

    WindowLoad add(LoadSignal signal) {
        if (signal.kind() == LoadSignal.Kind.CAPACITY) {
            Map<String, WorkerWindow> next = new HashMap<>(workers);
            next.put(signal.workerId(), next.getOrDefault(signal.workerId(), new WorkerWindow(0, 0, 0, 0))
                    .add(signal));
            return new WindowLoad(tiers, next);
        }
        Map<String, TierWindow> next = new HashMap<>(tiers);
        next.put(signal.tier(), next.getOrDefault(signal.tier(), TierWindow.EMPTY).add(signal));
        return new WindowLoad(next, workers);
    }
}
