package io.reasoner.policy.experiment;

import java.util.List;
import java.util.Locale;

import io.reasoner.protocol.Priority;

/**
 * The figures of one tier in one run (one setup at one load): percentiles of time to answer over completed
 * requests, mean thinking tokens granted and used, and the share of all sent requests answered within the SLO
 * (NaN for a tier without one). Rejected (429) and timed-out requests count as sent and not within the SLO.
 */
public record RunSummary(String setup, double loadFactor, Priority tier, double requestsPerSecond, int sent,
        int rejected, int completed, double p50Seconds, double p95Seconds, double meanGrantedThinkingTokens,
        double meanThinkingTokensUsed, double sloShare) {

    /** Summarises the outcomes of {@code tier} among {@code outcomes}; {@code sloSeconds} NaN: best effort. */
    public static RunSummary of(String setup, double loadFactor, Priority tier, double durationSeconds,
            List<Outcome> outcomes, double sloSeconds) {
        List<Outcome> sent = outcomes.stream().filter(outcome -> outcome.tier() == tier).toList();
        List<Outcome> done = sent.stream().filter(Outcome::done).toList();
        long[] times = done.stream().mapToLong(Outcome::timeToAnswerMs).sorted().toArray();
        long withinSlo = done.stream().filter(outcome -> outcome.timeToAnswerMs() <= sloSeconds * 1000).count();
        int rejected = (int) sent.stream().filter(outcome -> outcome.status() == Outcome.Status.REJECTED).count();
        return new RunSummary(setup, loadFactor, tier, sent.size() / durationSeconds, sent.size(), rejected,
                done.size(), percentile(times, 0.50), percentile(times, 0.95),
                done.stream().mapToInt(Outcome::grantedThinkingTokens).average().orElse(Double.NaN),
                done.stream().mapToInt(Outcome::thinkingTokensUsed).average().orElse(Double.NaN),
                sent.isEmpty() || Double.isNaN(sloSeconds) ? Double.NaN : (double) withinSlo / sent.size());
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
        return "setup,load,tier,requests_per_s,sent,rejected,completed,p50_s,p95_s,mean_thinking_granted,"
                + "mean_thinking_used,slo_share";
    }

    String csv() {
        return String.format(Locale.ROOT, "%s,%.2f,%s,%.3f,%d,%d,%d,%.3f,%.3f,%.1f,%.1f,%.3f", setup, loadFactor,
                tier.name().toLowerCase(Locale.ROOT), requestsPerSecond, sent, rejected, completed, p50Seconds,
                p95Seconds, meanGrantedThinkingTokens, meanThinkingTokensUsed, sloShare);
    }
}
