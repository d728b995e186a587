package io.reasoner.policy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.reasoner.policy.control.ControlParameters;
import io.reasoner.policy.topology.PolicySettings;
import io.reasoner.protocol.Priority;

class PolicyPropertiesTest {

    private static PolicyProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("reasoner.policy",
                PolicyProperties.class);
    }

    @Test
    void noSettings_giveTheBuiltInDefaults() {
        PolicySettings settings = bind(Map.of()).toSettings();

        assertThat(settings).isEqualTo(PolicySettings.defaults());
        assertThat(settings.control()).isEqualTo(ControlParameters.defaults());
    }

    @Test
    void tierSettings_overrideOneByOne_andBestEffortDropsTheSlo() {
        PolicySettings settings = bind(Map.of("reasoner.policy.window", "5s",
                "reasoner.policy.tiers.interactive.slo-p95", "8s",
                "reasoner.policy.tiers.interactive.floor-multiplier", "0.5",
                "reasoner.policy.tiers.batch.max-multiplier", "2.0",
                "reasoner.policy.tiers.interactive.best-effort", "false")).toSettings();

        assertThat(settings.window()).hasSeconds(5);
        assertThat(settings.control().tier(Priority.INTERACTIVE).sloP95Seconds()).isEqualTo(8.0);
        assertThat(settings.control().tier(Priority.INTERACTIVE).floorMultiplier()).isEqualTo(0.5);
        assertThat(settings.control().tier(Priority.INTERACTIVE).targetWaitSeconds()).isEqualTo(10.0);
        assertThat(settings.control().tier(Priority.BATCH).maxMultiplier()).isEqualTo(2.0);
        assertThat(settings.control().tier(Priority.BATCH).sloP95Seconds()).isNull();

        assertThat(bind(Map.of("reasoner.policy.tiers.interactive.best-effort", "true")).toSettings().control()
                .tier(Priority.INTERACTIVE).sloP95Seconds()).isNull();
    }

    @Test
    void anUnknownTier_orAnOutOfRangeValue_failsNamingIt() {
        assertThatThrownBy(() -> bind(Map.of("reasoner.policy.tiers.premium.floor-multiplier", "0.5")))
                .hasStackTraceContaining("tier must be one of [interactive, batch], was premium");
        assertThatThrownBy(() -> bind(Map.of("reasoner.policy.tiers.batch.floor-multiplier", "0")).toSettings())
                .hasMessage("floorMultiplier must be in [0.01, 1.0], was 0.0");
    }
}
