package io.reasoner.policy.experiment;

import java.net.URI;
import java.util.Set;

/** The experiment drives a local platform only. */
final class Loopback {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private Loopback() {
    }

    static URI require(URI uri) {
        if (uri == null || uri.getHost() == null || !HOSTS.contains(uri.getHost())
                || !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http on a loopback address (127.0.0.1) is driven, was " + uri);
        }
        return uri;
    }
}
