package io.reasoner.launcher.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StreamPrinterTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void onATerminal_thinkingIsDimmed_andTheAnswerIsNot() {
        StreamPrinter printer = printer(true);

        printer.print(new SseEvent("thinking", "0", "{\"phase\":\"thinking\",\"text\":\"hmm\"}"));
        printer.print(new SseEvent("answer", "1", "{\"phase\":\"answer\",\"text\":\"yes\"}"));

        assertThat(out()).contains("\u001b[2mhmm\u001b[0m").contains("\nyes").doesNotContain("\u001b[2myes");
    }

    @Test
    void doneWithoutAnyChunk_printsTheFinalTextsFromTheResult() {
        StreamPrinter printer = printer(false);

        var outcome = printer.print(new SseEvent("done", null, "{\"status\":\"done\",\"thinking\":\"t\","
                + "\"answer\":\"a\",\"finishReason\":\"length\",\"usage\":{\"promptTokens\":1,"
                + "\"thinkingTokens\":1,\"answerTokens\":1}}"));

        assertThat(outcome).contains(StreamPrinter.Outcome.DONE);
        assertThat(out()).isEqualTo(String.join(System.lineSeparator(), "[thinking]", "t", "[answer]", "a",
                "[done] finish: length; tokens: prompt 1, thinking 1, answer 1; extensions 0", ""));
    }

    @Test
    void unknownEvents_areSkipped() {
        assertThat(printer(false).print(new SseEvent("progress", null, "{}"))).isEmpty();
        assertThat(out()).isEmpty();
    }

    private StreamPrinter printer(boolean ansi) {
        return new StreamPrinter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ansi, JsonMapper.builder().build());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void controlEvents_areMarkedInline_andForcingIsSummedUpInTheUsageLine() {
        StreamPrinter printer = printer(false);

        printer.print(new SseEvent("thinking", "0", "{\"phase\":\"thinking\",\"text\":\"so\"}"));
        printer.print(new SseEvent("control", "1", "{\"phase\":\"thinking\",\"text\":\"\",\"control\":\"wait_injected\"}"));
        printer.print(new SseEvent("thinking", "2", "{\"phase\":\"thinking\",\"text\":\" Wait\"}"));
        printer.print(new SseEvent("done", null, "{\"status\":\"done\",\"finishReason\":\"stop\",\"usage\":"
                + "{\"promptTokens\":1,\"thinkingTokens\":2,\"answerTokens\":0},"
                + "\"forcing\":{\"extensionsUsed\":1,\"capFired\":true}}"));

        assertThat(out()).contains("so‹end of thinking suppressed› Wait")
                .contains("; extensions 1, cap fired");
    }
}
