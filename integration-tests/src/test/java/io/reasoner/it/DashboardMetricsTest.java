package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.reasoner.policy.PolicyApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provisioned Grafana dashboard ({@code ops/grafana/dashboards/reasoner.json}) shows only metrics the services
 * expose: the gateway, a worker and the budget policy run here against an in-JVM broker, serve one request, and
 * every metric name in the dashboard's PromQL must appear in one of their {@code /actuator/prometheus} scrapes.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardMetricsTest {

    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?=\\s*(\\(?))");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConfigurableApplicationContext gateway;
    private ConfigurableApplicationContext worker;
    private ConfigurableApplicationContext policy;

    @BeforeAll
    void start(EmbeddedKafkaBroker broker, @TempDir Path state) {
        String servers = broker.getBrokersAsString();
        worker = Platform.worker(servers, TestModels.stories260K());
        gateway = Platform.gateway(servers);
        policy = PolicyApplication.builder().run("--spring.kafka.bootstrap-servers=" + servers, "--server.port=0",
                "--spring.jmx.enabled=false", "--reasoner.policy.state-dir=" + state);
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {policy, gateway, worker}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void everyMetricTheDashboardQueriesIsExposed() throws Exception {
        serveOneRequest();
        Set<String> exposed = new TreeSet<>();
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {gateway, worker, policy}) {
            exposed.addAll(sampleNames(get(Platform.port(app), "/actuator/prometheus").body()));
        }
        Set<String> queried = dashboardMetrics();

        assertThat(queried).contains("reasoner_worker_time_to_first_chunk_seconds_bucket",
                "reasoner_worker_tokens_total", "reasoner_worker_queue_lag", "http_server_requests_seconds_count");
        assertThat(queried).contains("reasoner_policy_multiplier", "reasoner_policy_slo_headroom_seconds",
                "reasoner_policy_expected_wait_seconds");
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        assertThat(missing).as("dashboard metrics no service exposes").isEmpty();
    }

    @Test
    void metricNames_areTakenFromPromQlWithoutLabelsFunctionsOrKeywords() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (le) (rate(a_bucket{job=\"x\",le!=\"1\"}[1m])))"
                + " / on (instance) b_total offset 5m and c"))
                .containsExactlyInAnyOrder("a_bucket", "b_total", "c");
    }

    private void serveOneRequest() throws Exception {
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(uri(Platform.port(gateway), "/v1/reasoning"))
                .header("Authorization", "Bearer " + Platform.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Once upon a time\",\"budget\":"
                        + "{\"maxThinkingTokens\":8,\"maxAnswerTokens\":8}}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = JsonMapper.shared().readTree(accepted.body()).path("id").asString();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> JsonMapper.shared()
                .readTree(get(Platform.port(gateway), "/v1/reasoning/" + id).body()).path("status").asString()
                .equals("done"));
    }

    private Set<String> dashboardMetrics() throws Exception {
        Path dashboard = Path.of(System.getProperty("reasoner.root"), "ops/grafana/dashboards/reasoner.json");
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : JsonMapper.shared().readTree(Files.readString(dashboard)).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                names.addAll(metricNames(target.path("expr").asString()));
            }
        }
        return names;
    }

    /** Metric names in a PromQL expression: identifiers that are not functions, keywords, labels or durations. */
    static Set<String> metricNames(String promQl) {
        String bare = GROUPING.matcher(MATCHERS.matcher(RANGE.matcher(promQl).replaceAll("")).replaceAll(""))
                .replaceAll("");
        bare = bare.replaceAll("\\boffset\\s+\\w+", "");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            boolean function = !m.group(1).isEmpty();
            boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!function && !number && !KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The sample names of a Prometheus text exposition (histograms give their _bucket, _count and _sum). */
    private static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, path))
                .header("Authorization", "Bearer " + Platform.API_KEY).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response;
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
