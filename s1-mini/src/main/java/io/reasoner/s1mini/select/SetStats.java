package io.reasoner.s1mini.select;

import io.reasoner.s1mini.data.Trace;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a set of traces holds, for the selection report.
 *
 * @param verifiedShare       share that passes the quality check (well-formed, verified answer)
 * @param correctedSlipShare  share whose thinking catches a slip with "Wait"
 * @param byDomainDifficulty  counts per domain, then per difficulty level
 * @param byKind              counts per generator label (reported, never used to select)
 */
public record SetStats(String name, int count, double meanThinkingTokens, int maxThinkingTokens,
                       double verifiedShare, double correctedSlipShare,
                       Map<String, Map<Integer, Integer>> byDomainDifficulty, Map<Trace.Kind, Integer> byKind) {

    public static SetStats of(String name, List<Candidate> set) {
        Map<String, Map<Integer, Integer>> cells = new TreeMap<>();
        Map<Trace.Kind, Integer> kinds = new EnumMap<>(Trace.Kind.class);
        long tokens = 0;
        int max = 0;
        int verified = 0;
        int slips = 0;
        for (Candidate c : set) {
            cells.computeIfAbsent(c.domain(), d -> new TreeMap<>()).merge(c.difficulty(), 1, Integer::sum);
            kinds.merge(c.trace().kind(), 1, Integer::sum);
            tokens += c.thinkingTokens();
            max = Math.max(max, c.thinkingTokens());
            verified += QualityFilter.passes(c) ? 1 : 0;
            slips += c.trace().completion().contains("\nWait, ") ? 1 : 0;
        }
        int n = Math.max(1, set.size());
        return new SetStats(name, set.size(), (double) tokens / n, max, (double) verified / n, (double) slips / n,
                cells, kinds);
    }

    public int domainCount(String domain) {
        return byDomainDifficulty.getOrDefault(domain, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }
}
