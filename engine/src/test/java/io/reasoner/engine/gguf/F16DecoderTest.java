package io.reasoner.engine.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class F16DecoderTest {

    @Test
    void normalNumbers_keepSignExponentAndMantissa() {
        assertThat(F16Decoder.toFloat((short) 0x3C00)).isEqualTo(1f);
        assertThat(F16Decoder.toFloat((short) 0xC000)).isEqualTo(-2f);
        assertThat(F16Decoder.toFloat((short) 0x3555)).isEqualTo(0.33325195f);
        assertThat(F16Decoder.toFloat((short) 0x7BFF)).isEqualTo(65504f); // largest half
    }

    @Test
    void zerosAndSubnormals_areExact() {
        assertThat(F16Decoder.toFloat((short) 0x0000)).isEqualTo(0f);
        assertThat(Float.floatToIntBits(F16Decoder.toFloat((short) 0x8000))).isEqualTo(Float.floatToIntBits(-0f));
        assertThat(F16Decoder.toFloat((short) 0x0001)).isEqualTo(0x1p-24f); // smallest subnormal
        assertThat(F16Decoder.toFloat((short) 0x03FF)).isEqualTo(1023 * 0x1p-24f); // largest subnormal
    }

    @Test
    void infinitiesAndNaN_survive() {
        assertThat(F16Decoder.toFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(F16Decoder.toFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(F16Decoder.toFloat((short) 0x7E00)).isNaN();
    }
}
