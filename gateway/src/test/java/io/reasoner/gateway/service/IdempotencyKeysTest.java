package io.reasoner.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.reasoner.gateway.MutableClock;

class IdempotencyKeysTest {

    private final MutableClock clock = new MutableClock(1_000_000);
    private final IdempotencyKeys keys = new IdempotencyKeys(clock, Duration.ofSeconds(60), 2);

    @Test
    void sameKeySameTenant_findsTheRequest_otherTenantDoesNot() {
        keys.remember("acme", "k1", "rsn_1");

        assertThat(keys.find("acme", "k1")).contains("rsn_1");
        assertThat(keys.find("globex", "k1")).isEmpty();
    }

    @Test
    void keyIsForgotten_onceRetentionHasPassed() {
        keys.remember("acme", "k1", "rsn_1");
        clock.advance(59_999);
        assertThat(keys.find("acme", "k1")).contains("rsn_1");

        clock.advance(1);

        assertThat(keys.find("acme", "k1")).isEmpty();
        assertThat(keys.size()).isZero();
    }

    @Test
    void pastMaxKeys_theOldestIsForgottenFirst() {
        keys.remember("acme", "k1", "rsn_1");
        keys.remember("acme", "k2", "rsn_2");
        keys.remember("acme", "k3", "rsn_3");

        assertThat(keys.find("acme", "k1")).isEmpty();
        assertThat(keys.find("acme", "k2")).contains("rsn_2");
        assertThat(keys.find("acme", "k3")).contains("rsn_3");
    }

    @Test
    void blankOrOverlongKey_isRefused() {
        assertThatThrownBy(() -> IdempotencyKeys.validate(" ")).hasMessageContaining("1 to 255 characters");
        assertThatThrownBy(() -> IdempotencyKeys.validate("x".repeat(256))).hasMessageContaining("was 256");
    }
}
