package io.reasoner.s1mini.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EvalOptionsTest {

    @Test
    void compare_drawsFiveTimesTheGridsProblemsFromItsOwnSeed() {
        EvalOptions eval = EvalOptions.parse(new String[0]);
        EvalOptions compare = EvalOptions.parseCompare(new String[] {"--also", "old=old.gguf"});

        assertThat(eval.perDomain()).isEqualTo(20);
        assertThat(eval.seed()).isEqualTo(1000);
        assertThat(compare.perDomain()).isEqualTo(100);
        assertThat(compare.seed()).isEqualTo(2000);
        assertThat(compare.also()).isEqualTo("old=old.gguf");
    }

    @Test
    void eachCommand_rejectsTheOtherOnesOption() {
        assertThatThrownBy(() -> EvalOptions.parse(new String[] {"--also", "old=old.gguf"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'--also'");
        assertThatThrownBy(() -> EvalOptions.parseCompare(new String[] {"--out", "somewhere"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'--out'");
    }
}
