package io.reasoner.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.reasoner.launcher.process.ChildProcess;
import io.reasoner.launcher.process.PidFile;
import io.reasoner.launcher.testing.StandInProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessProbeTest {

    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private HttpServer server;
    private Process standIn;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop(0);
        }
        if (standIn != null) {
            standIn.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void awaitAll_returnsOnceReadinessAnswers200_afterEarlier503s() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        URI url = serveReadiness(() -> calls.incrementAndGet() < 3 ? 503 : 200);
        ChildProcess service = child();

        new ReadinessProbe(POLL).awaitAll(List.of(new ReadinessProbe.Target(service, url)), Duration.ofSeconds(10));

        assertThat(calls).hasValue(3);
    }

    @Test
    void awaitAll_failsAtOnce_whenTheServiceProcessExits() throws Exception {
        URI url = serveReadiness(() -> 503);
        ChildProcess service = child();
        standIn.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> new ReadinessProbe(POLL)
                .awaitAll(List.of(new ReadinessProbe.Target(service, url)), Duration.ofSeconds(10)))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("gateway (pid " + service.pid() + ") exited during start-up");
    }

    @Test
    void awaitAll_givesUpAtTheDeadline_namingTheUrl() throws Exception {
        URI url = serveReadiness(() -> 503);
        ChildProcess service = child();

        assertThatThrownBy(() -> new ReadinessProbe(POLL)
                .awaitAll(List.of(new ReadinessProbe.Target(service, url)), Duration.ofMillis(300)))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("was not ready within")
                .hasMessageContaining(url.toString());
    }

    private URI serveReadiness(IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health/readiness");
    }

    private ChildProcess child() throws IOException, InterruptedException {
        standIn = StandInProcess.start("gateway-exec.jar");
        return new ChildProcess("gateway", standIn.toHandle(), dir.resolve("gateway.log"),
                new PidFile(dir.resolve("gateway.pid")));
    }
}
