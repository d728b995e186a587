package io.reasoner.s1mini.select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link Selection}'s statistics as JSON (for tools) and Markdown (for the README). */
public final class SelectionReport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SelectionReport() {
    }

    public static List<SetStats> stats(Selection selection) {
        return List.of(SetStats.of("pool", selection.pool()), SetStats.of("quality", selection.quality()),
                SetStats.of("difficulty", selection.hard()), SetStats.of("curated", selection.curated()),
                SetStats.of("random", selection.random()));
    }

    public static void write(Selection selection, Path json, Path markdown) throws IOException {
        List<SetStats> stats = stats(selection);
        Files.createDirectories(json.toAbsolutePath().getParent());
        JSON.writeValue(json.toFile(), stats);
        Files.writeString(markdown, markdown(stats));
    }

    static String markdown(List<SetStats> stats) {
        StringBuilder md = new StringBuilder("| set | traces | mean thinking tokens | max | verified | with Wait |");
        TreeSet<String> domains = new TreeSet<>();
        stats.forEach(s -> domains.addAll(s.byDomainDifficulty().keySet()));
        domains.forEach(d -> md.append(' ').append(d).append(" |"));
        md.append("\n|---|---:|---:|---:|---:|---:|");
        domains.forEach(d -> md.append("---:|"));
        md.append('\n');
        for (SetStats s : stats) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %.1f%% | %.1f%% |", s.name(), s.count(),
                    s.meanThinkingTokens(), s.maxThinkingTokens(), 100 * s.verifiedShare(),
                    100 * s.correctedSlipShare()));
            domains.forEach(d -> md.append(' ').append(s.domainCount(d)).append(" |"));
            md.append('\n');
        }
        md.append("\nCurated set, traces per domain and difficulty level:\n\n");
        SetStats curated = stats.stream().filter(s -> s.name().equals("curated")).findFirst().orElseThrow();
        for (Map.Entry<String, Map<Integer, Integer>> domain : curated.byDomainDifficulty().entrySet()) {
            md.append("- ").append(domain.getKey()).append(": ").append(domain.getValue()).append('\n');
        }
        return md.toString();
    }
}
