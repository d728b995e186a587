package io.reasoner.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Objects;

/**
 * Where things live, all relative to the repository root: build outputs the launcher runs, and the local state
 * under {@code .reasoner/} (broker data, logs, pid files, the model cache), which {@code .gitignore} excludes.
 */
public record RepoLayout(Path root) {

    /** System property naming the repository root; set by the {@code ./reasoner} script and by surefire. */
    public static final String ROOT_PROPERTY = "reasoner.root";

    public RepoLayout {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The root from {@value #ROOT_PROPERTY}; failing that, two levels above the launcher jar when it runs from
     * {@code platform-launcher/target/}; failing that, the working directory.
     */
    public static RepoLayout locate() {
        String property = System.getProperty(ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new RepoLayout(Path.of(property));
        }
        Path jarDir = launcherJarDirectory();
        if (jarDir != null && jarDir.endsWith(Path.of("platform-launcher", "target"))) {
            return new RepoLayout(jarDir.getParent().getParent());
        }
        return new RepoLayout(Path.of(""));
    }

    public Path stateDir() {
        return root.resolve(".reasoner");
    }

    public Path kafkaDataDir() {
        return stateDir().resolve("kafka");
    }

    public Path logsDir() {
        return stateDir().resolve("logs");
    }

    public Path runDir() {
        return stateDir().resolve("run");
    }

    public Path modelCacheDir() {
        return stateDir().resolve("models");
    }

    /** Models committed with the code: s1-mini, the default. */
    public Path bundledModelsDir() {
        return root.resolve("models");
    }

    /** The copy of the fallback model that CI and shared workspaces keep beside the checkout. */
    public Path sharedModelsDir() {
        return root.resolve("..").resolve("shared").resolve("models").normalize();
    }

    public Path kafkaLibs() {
        return root.resolve("kafka-broker-runtime").resolve("target").resolve("kafka-libs");
    }

    public Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    public Path pidFile(String name) {
        return runDir().resolve(name + ".pid");
    }

    private static Path launcherJarDirectory() {
        CodeSource source = RepoLayout.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            String location = source.getLocation().toString();
            // Inside a Spring Boot jar the location is "jar:file:/…/x-exec.jar!/BOOT-INF/classes/!/".
            if (location.startsWith("jar:")) {
                location = location.substring("jar:".length(), location.indexOf("!/"));
            }
            // Either target/classes (run from the IDE) or target/x-exec.jar: the parent is target/ in both cases.
            return Path.of(new URI(location)).toAbsolutePath().normalize().getParent();
        } catch (URISyntaxException | IllegalArgumentException | IndexOutOfBoundsException e) {
            // An unusual class loader: the caller falls back to the working directory.
            return null;
        }
    }
}
