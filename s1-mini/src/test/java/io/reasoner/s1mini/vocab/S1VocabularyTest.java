package io.reasoner.s1mini.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.gguf.GgufWriter;
import io.reasoner.engine.template.ChatMessage;
import io.reasoner.engine.template.ChatTemplate;
import io.reasoner.engine.template.ChatTemplates;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.tokenizer.Tokenizers;
import io.reasoner.s1mini.data.Domains;
import io.reasoner.s1mini.data.PoolGenerator;
import io.reasoner.s1mini.data.Trace;
import io.reasoner.s1mini.data.TraceFormat;
import io.reasoner.s1mini.data.TraceGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S1VocabularyTest {

    private static List<Trace> pool;
    private static S1Vocabulary vocabulary;

    @TempDir
    Path dir;

    @BeforeAll
    static void learn() {
        pool = new PoolGenerator(Domains.all(), new TraceGenerator(0.3, 0.1)).generate(300, new SplittableRandom(1));
        vocabulary = S1Vocabulary.learn(pool.stream().map(Trace::completion).toList(), 400);
    }

    @Test
    void learnsMergesUpToTheRequestedSize_andTheyShortenTheText() {
        assertThat(vocabulary.size()).isGreaterThan(S1Vocabulary.SPECIAL_TOKENS.size() + 256).isLessThanOrEqualTo(400);
        String completion = pool.get(0).completion();
        assertThat(vocabulary.tokenizer().encode(completion, false).length)
                .isLessThan(completion.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void chatAndThinkingMarkup_areSingleTokens() {
        Tokenizer tokenizer = vocabulary.tokenizer();
        for (String special : S1Vocabulary.SPECIAL_TOKENS) {
            assertThat(tokenizer.encode(special, false)).as(special).hasSize(1);
        }
        assertThat(tokenizer.eosToken()).isEqualTo(tokenizer.encode("<|im_end|>", false)[0]);
    }

    @Test
    void writtenToGguf_theEnginesLoaderReadsTheSameTokenizerAndTemplate() throws IOException {
        Path file = vocabulary.writeTo(new GgufWriter(), TraceFormat.CHAT_TEMPLATE).writeTo(dir.resolve("v.gguf"));
        try (GgufFile gguf = GgufFile.open(file)) {
            Tokenizer loaded = Tokenizers.fromGguf(gguf.metadata());
            ChatTemplate template = ChatTemplates.fromGguf(gguf.metadata());
            for (Trace trace : pool.subList(0, 50)) {
                String text = TraceFormat.prompt(trace.problem().question()) + trace.completion();
                int[] ids = loaded.encode(text, false);
                assertThat(ids).isEqualTo(vocabulary.tokenizer().encode(text, false));
                assertThat(loaded.decode(ids)).isEqualTo(text.replace("<|im_start|>", "").replace("<|im_end|>", ""));
            }
            assertThat(template.render(List.of(ChatMessage.user("What is 1 + 2?")), true))
                    .isEqualTo("<|im_start|>user\nWhat is 1 + 2?<|im_end|>\n<|im_start|>assistant\n");
        }
    }
}
