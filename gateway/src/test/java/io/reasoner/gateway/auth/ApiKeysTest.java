package io.reasoner.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(Map.of("rsk_alpha", "acme", "rsk_beta", "globex"));

    @Test
    void knownKey_resolvesItsTenant() {
        assertThat(keys.tenantOf("rsk_alpha")).contains("acme");
        assertThat(keys.tenantOf("rsk_beta")).contains("globex");
    }

    @Test
    void unknownPrefixOrEmptyKey_resolvesNothing() {
        assertThat(keys.tenantOf("rsk_alph")).isEmpty();
        assertThat(keys.tenantOf("RSK_ALPHA")).isEmpty();
        assertThat(keys.tenantOf("")).isEmpty();
        assertThat(keys.tenantOf(null)).isEmpty();
    }

    @Test
    void bearerToken_acceptsOnlyTheBearerScheme() {
        assertThat(ApiKeys.bearerToken("Bearer rsk_alpha")).isEqualTo("rsk_alpha");
        assertThat(ApiKeys.bearerToken("bearer  rsk_alpha ")).isEqualTo("rsk_alpha");
        assertThat(ApiKeys.bearerToken("Basic dXNlcjpwYXNz")).isNull();
        assertThat(ApiKeys.bearerToken("Bearer ")).isNull();
        assertThat(ApiKeys.bearerToken(null)).isNull();
    }

    @Test
    void blankTenant_isRefused_withoutNamingTheKey() {
        assertThatThrownBy(() -> new ApiKeys(Map.of("rsk_secret", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("rsk_secret");
    }
}
