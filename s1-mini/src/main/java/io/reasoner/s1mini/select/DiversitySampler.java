package io.reasoner.s1mini.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * s1's third criterion, diversity: s1 drew a domain uniformly at random, then a question from it with a preference
 * for longer traces, until it had 1,000. Here likewise, with one refinement for our difficulty knob: within the
 * domain, the least-used difficulty level is drawn from first, so difficulties spread too. Within a level, traces
 * sorted longest first are drawn at index {@code floor(n * u^2)}, {@code u} uniform: a power law favouring long
 * traces without excluding short ones. A domain that runs dry drops out of the draw.
 */
public final class DiversitySampler {

    private DiversitySampler() {
    }

    public static List<Candidate> sample(List<Candidate> candidates, int size, RandomGenerator random) {
        Map<String, Map<Integer, List<Candidate>>> cells = new TreeMap<>();
        for (Candidate candidate : candidates) {
            cells.computeIfAbsent(candidate.domain(), d -> new TreeMap<>())
                    .computeIfAbsent(candidate.difficulty(), d -> new ArrayList<>()).add(candidate);
        }
        cells.values().forEach(levels -> levels.values()
                .forEach(list -> list.sort(Comparator.comparingInt(Candidate::thinkingTokens).reversed())));
        Map<String, Map<Integer, Integer>> used = new TreeMap<>();
        List<String> domains = new ArrayList<>(cells.keySet());
        List<Candidate> selected = new ArrayList<>(size);
        while (selected.size() < size && !domains.isEmpty()) {
            String domain = domains.get(random.nextInt(domains.size()));
            Map<Integer, List<Candidate>> levels = cells.get(domain);
            Map<Integer, Integer> counts = used.computeIfAbsent(domain, d -> new TreeMap<>());
            int level = levels.keySet().stream().min(Comparator.comparingInt(l -> counts.getOrDefault(l, 0)))
                    .orElseThrow();
            List<Candidate> cell = levels.get(level);
            double u = random.nextDouble();
            selected.add(cell.remove((int) (cell.size() * u * u)));
            counts.merge(level, 1, Integer::sum);
            if (cell.isEmpty()) {
                levels.remove(level);
                if (levels.isEmpty()) {
                    domains.remove(domain);
                }
            }
        }
        return selected;
    }
}
