package io.reasoner.s1mini.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes evaluation results: CSV per setting, JSON with the metrics, Markdown tables, PNG plots. */
public final class EvalReport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private EvalReport() {
    }

    public static List<Metrics> metrics(List<SettingResult> results) {
        Map<String, List<SettingResult>> groups = new LinkedHashMap<>();
        for (SettingResult r : results) {
            groups.computeIfAbsent(r.model() + "\u0000" + r.method(), k -> new ArrayList<>()).add(r);
        }
        List<Metrics> metrics = new ArrayList<>();
        groups.forEach((key, group) -> metrics.add(Metrics.of(group.get(0).model(), group.get(0).method(), group)));
        return metrics;
    }

    public static void write(List<SettingResult> results, Map<String, Object> context, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Metrics> metrics = metrics(results);
        Map<String, Object> json = new LinkedHashMap<>(context);
        json.put("metrics", metrics);
        json.put("settings", results);
        JSON.writeValue(dir.resolve("eval.json").toFile(), json);
        Files.writeString(dir.resolve("eval.csv"), csv(results));
        Files.writeString(dir.resolve("eval.md"), markdown(results, metrics));
        for (String method : List.of("cap", "extensions")) {
            List<SettingResult> ofMethod = results.stream().filter(r -> r.method().equals(method)).toList();
            if (!ofMethod.isEmpty()) {
                ScalingPlot.write("accuracy vs thinking tokens: " + method, ofMethod,
                        dir.resolve("scaling-" + method + ".png"));
            }
        }
    }

    static String csv(List<SettingResult> results) {
        StringBuilder csv = new StringBuilder(
                "model,method,label,cap,extensions,extension_text,problems,accuracy,mean_thinking_tokens,control\n");
        for (SettingResult r : results) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%s,%d,%.4f,%.2f,%.4f%n", r.model(), r.method(),
                    r.label(), r.cap(), r.extensions(), r.extensionText(), r.problems(), r.accuracy(),
                    r.meanThinkingTokens(), r.control()));
        }
        return csv.toString();
    }

    static String markdown(List<SettingResult> results, List<Metrics> metrics) {
        StringBuilder md = new StringBuilder("| model | setting | accuracy | mean thinking tokens | control |\n"
                + "|---|---|---:|---:|---:|\n");
        for (SettingResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f%% | %.1f | %.0f%% |%n", r.model(), r.label(),
                    100 * r.accuracy(), r.meanThinkingTokens(), 100 * r.control()));
        }
        md.append("\n| model | method | Control | Scaling (accuracy per 100 tokens) | Performance |\n"
                + "|---|---|---:|---:|---:|\n");
        for (Metrics m : metrics) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f%% | %+.2f pp | %.1f%% |%n", m.model(), m.method(),
                    100 * m.control(), 100 * 100 * m.scaling(), 100 * m.performance()));
        }
        return md.toString();
    }
}
