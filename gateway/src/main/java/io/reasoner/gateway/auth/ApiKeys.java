package io.reasoner.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API keys, held only as SHA-256 hashes. A lookup compares the presented key's hash with every
 * configured hash in constant time and never stops early, so timing tells nothing of how close a guess was nor
 * which key matched.
 */
public final class ApiKeys {

    /** The tenant of every caller when authentication is off. */
    public static final String DEFAULT_TENANT = "default";

    private record Entry(byte[] hash, String tenant) {
    }

    private final List<Entry> entries;

    /** @param keys API key to tenant; neither may be blank */
    public ApiKeys(Map<String, String> keys) {
        this.entries = keys.entrySet().stream().map(e -> {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("an API key must not be blank");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                // The key itself is never put in a message: messages end up in logs.
                throw new IllegalArgumentException("the tenant of an API key must not be blank");
            }
            return new Entry(sha256(e.getKey()), e.getValue().trim());
        }).toList();
    }

    public int size() {
        return entries.size();
    }

    /** The tenant that {@code key} authenticates, or empty for a missing or unknown key. */
    public Optional<String> tenantOf(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(key);
        String tenant = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented)) {
                tenant = entry.tenant();
            }
        }
        return Optional.ofNullable(tenant);
    }

    /** The key of an {@code Authorization: Bearer <key>} header value, or null if it is not one. */
    public static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
