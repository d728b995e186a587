package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.TestModels;
import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.gguf.GgufMetadata;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenizersTest {

    @Test
    void llamaModel_getsSentencePiece() throws IOException {
        try (GgufFile file = GgufFile.open(TestModels.stories260K())) {
            Tokenizer tokenizer = Tokenizers.fromGguf(file.metadata());

            assertThat(tokenizer).isInstanceOf(SentencePieceTokenizer.class);
            assertThat(tokenizer.decode(tokenizer.encode("Once upon a time"))).isEqualTo("Once upon a time");
        }
    }

    @Test
    void gpt2Model_getsByteLevelBpe_withThePreTokenizerItNames() {
        Tokenizer tokenizer = Tokenizers.fromGguf(new TinyBpe("a b").gguf("qwen2", 0));

        assertThat(tokenizer).isInstanceOfSatisfying(BpeTokenizer.class,
                bpe -> assertThat(bpe.preTokenizer()).isSameAs(BpePreTokenizer.QWEN2));
        assertThat(tokenizer.encode("ab")).containsExactly(256);
    }

    @Test
    void otherModels_areRefusedByName() {
        GgufMetadata bert = new GgufMetadata(Map.of("tokenizer.ggml.model", "bert"));

        assertThatThrownBy(() -> Tokenizers.fromGguf(bert))
                .isInstanceOf(UnsupportedTokenizerException.class)
                .hasMessageContaining("'bert'");
        assertThatThrownBy(() -> Tokenizers.fromGguf(new GgufMetadata(Map.of())))
                .isInstanceOf(UnsupportedTokenizerException.class)
                .hasMessageContaining("no tokenizer.ggml.model");
    }

    @Test
    void unknownPreTokenizer_isRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> Tokenizers.fromGguf(new TinyBpe().gguf("falcon", 0)))
                .isInstanceOf(UnsupportedTokenizerException.class)
                .hasMessageContaining("tokenizer.ggml.pre 'falcon'");
    }
}
