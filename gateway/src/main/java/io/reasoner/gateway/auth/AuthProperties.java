package io.reasoner.gateway.auth;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys under {@code reasoner.gateway.auth}.
 *
 * @param enabled whether {@code /v1/**} demands {@code Authorization: Bearer <key>}; when off, every caller is
 *                tenant {@value ApiKeys#DEFAULT_TENANT}
 * @param keys    API key to the tenant it authenticates, e.g. {@code --reasoner.gateway.auth.keys.rsk_…=acme}
 */
@ConfigurationProperties("reasoner.gateway.auth")
public record AuthProperties(@DefaultValue("true") boolean enabled, Map<String, String> keys) {

    public AuthProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
