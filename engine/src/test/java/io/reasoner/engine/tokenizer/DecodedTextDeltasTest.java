package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedTextDeltasTest {

    /** A decoder like a byte-level one: each token is one byte, and incomplete UTF-8 decodes to U+FFFD. */
    private static String decodeBytes(int[] tokens) {
        byte[] bytes = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            bytes[i] = (byte) tokens[i];
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int[] utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] tokens = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            tokens[i] = bytes[i] & 0xFF;
        }
        return tokens;
    }

    @Test
    void incompleteCharacter_isHeldBack_thenEmittedWhole() {
        StreamingDetokenizer detokenizer = new StreamingDetokenizer(
                new DecodedTextDeltas(DecodedTextDeltasTest::decodeBytes));
        int[] tokens = utf8("a你");

        assertThat(detokenizer.accept(tokens[0])).isEqualTo("a");
        assertThat(detokenizer.accept(tokens[1])).isEmpty();
        assertThat(detokenizer.accept(tokens[2])).isEmpty();
        assertThat(detokenizer.pendingBytes()).isEqualTo(2);
        assertThat(detokenizer.accept(tokens[3])).isEqualTo("你");
        assertThat(detokenizer.pendingBytes()).isZero();
    }

    @Test
    void deltas_concatenateToTheFullDecode_evenOverALongStream() {
        String text = "héllo 🙂 wörld 你好 ".repeat(50);
        StreamingDetokenizer detokenizer = new StreamingDetokenizer(
                new DecodedTextDeltas(DecodedTextDeltasTest::decodeBytes));

        StringBuilder out = new StringBuilder();
        for (int token : utf8(text)) {
            String delta = detokenizer.accept(token);
            assertThat(delta).doesNotContain("\uFFFD");
            out.append(delta);
        }

        assertThat(out.append(detokenizer.flush())).hasToString(text);
    }

    @Test
    void flush_givesUpOnAnIncompleteCharacter_asAFullDecodeWould() {
        StreamingDetokenizer detokenizer = new StreamingDetokenizer(
                new DecodedTextDeltas(DecodedTextDeltasTest::decodeBytes));

        assertThat(detokenizer.accept(0xE4)).isEmpty();
        assertThat(detokenizer.flush()).isEqualTo("\uFFFD");
    }
}
