package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteLevelTest {

    @Test
    void spaceAndNewline_mapToGAndCWithDots_asInGpt2Vocabularies() {
        assertThat(ByteLevel.encode(" hi\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("\u0120hi\u010A");
    }

    @Test
    void printableLatin1_mapsToItself() {
        assertThat(ByteLevel.encode(new byte[] {'A', '~', (byte) 0xA1, (byte) 0xFF})).isEqualTo("A~¡ÿ");
    }

    @Test
    void everyByte_mapsToADistinctCharAndBack() {
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }

        String text = ByteLevel.encode(all);

        assertThat(text.chars().distinct().count()).isEqualTo(256);
        assertThat(ByteLevel.decode(text)).isEqualTo(all);
    }

    @Test
    void multiByteCharacter_spellsOneCharPerUtf8Byte() {
        // 你 is E4 BD A0: three byte-level chars, which decode back to the three bytes.
        String spelled = ByteLevel.encode("你".getBytes(StandardCharsets.UTF_8));

        assertThat(spelled).hasSize(3).isEqualTo("ä½ł");
        assertThat(new String(ByteLevel.decode(spelled), StandardCharsets.UTF_8)).isEqualTo("你");
    }

    @Test
    void textOutsideTheMapping_isRejectedWithThePosition() {
        assertThatThrownBy(() -> ByteLevel.decode("a你"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+4F60 at 1");
    }
}
