package io.reasoner.policy.experiment;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one run (one setup at one load): percentiles of time to answer over completed requests, mean
 * thinking tokens granted, and the share of all sent requests answered within the SLO.
 */
public record RunSummary(String setup, double loadFactor, double requestsPerSecond, int sent, int completed,
        double p50Seconds, double p95Seconds, double meanGrantedThinkingTokens, double meanThinkingTokensUsed,
        double sloShare) {

    public static RunSummary of(String setup, double loadFactor, double requestsPerSecond, List<Outcome> outcomes,
            double sloSeconds) {
        List<Outcome> done = outcomes.stream().filter(Outcome::done).toList();
        long[] times = done.stream().mapToLong(Outcome::timeToAnswerMs).sorted().toArray();
        long withinSlo = done.stream().filter(outcome -> outcome.timeToAnswerMs() <= sloSeconds * 1000).count();
        return new RunSummary(setup, loadFactor, requestsPerSecond, outcomes.size(), done.size(),
                percentile(times, 0.50), percentile(times, 0.95),
                done.stream().mapToInt(Outcome::grantedThinkingTokens).average().orElse(Double.NaN),
                done.stream().mapToInt(Outcome::thinkingTokensUsed).average().orElse(Double.NaN),
                outcomes.isEmpty() ? Double.NaN : (double) withinSlo / outcomes.size());
    }

    /** Nearest-rank percentile in seconds; NaN for no samples. */
    static double percentile(long[] sortedMillis, double quantile) {
        if (sortedMillis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sortedMillis.length);
        return sortedMillis[Math.max(0, rank - 1)] / 1000.0;
    }

    static String header() {
        return "setup,load,requests_per_s,sent,completed,p50_s,p95_s,mean_thinking_granted,mean_thinking_used,slo_share";
    }

    String csv() {
        return String.format(Locale.ROOT, "%s,%.2f,%.3f,%d,%d,%.3f,%.3f,%.1f,%.1f,%.3f", setup, loadFactor,
                requestsPerSecond, sent, completed, p50Seconds, p95Seconds, meanGrantedThinkingTokens,
                meanThinkingTokensUsed, sloShare);
    }
}
