package io.reasoner.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalApiKeyTest {

    @TempDir
    Path root;

    @Test
    void generate_isRskAnd32HexDigits_differentEachTime() {
        SplittableRandom random = new SplittableRandom(42);

        String first = LocalApiKey.generate(random);
        String second = LocalApiKey.generate(random);

        assertThat(first).matches("rsk_[0-9a-f]{32}");
        assertThat(second).matches("rsk_[0-9a-f]{32}").isNotEqualTo(first);
    }

    @Test
    void save_thenRead_givesTheKeyBack_fromDotReasoner() {
        RepoLayout layout = new RepoLayout(root);
        assertThat(LocalApiKey.read(layout)).isEmpty();

        LocalApiKey.save(layout, "rsk_abc");

        assertThat(LocalApiKey.file(layout)).isEqualTo(root.resolve(".reasoner/api-key"));
        assertThat(LocalApiKey.read(layout)).contains("rsk_abc");
    }
}
