package io.reasoner.gateway.service;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable request ids: 128 bits from a {@link SecureRandom}, hex-encoded with a readable prefix. */
public final class RequestIds {

    private final SecureRandom random;

    public RequestIds(SecureRandom random) {
        this.random = random;
    }

    String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "rsn_" + HexFormat.of().formatHex(bytes);
    }
}
