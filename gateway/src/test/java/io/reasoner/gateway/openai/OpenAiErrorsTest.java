package io.reasoner.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.EntityResponse;
import org.springframework.web.servlet.function.ServerRequest;

import io.reasoner.kafka.EventPublisher;
import tools.jackson.databind.json.JsonMapper;

class OpenAiErrorsTest {

    private final OpenAiErrors errors = new OpenAiErrors();

    @Test
    void invalidParameter_isA400InvalidRequestError_namingTheParam() {
        OpenAiErrors.Failure failure = OpenAiErrors.describe(
                new InvalidParameterException("reasoning_effort", "reasoning_effort must be one of …"));

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(failure.body().error()).isEqualTo(new OpenAiError.Detail("reasoning_effort must be one of …",
                "invalid_request_error", "reasoning_effort", null));
    }

    @Test
    void serviceValidation_unknownModel_queueDown_timeout_andFailure_getTheirStatusesAndCodes() {
        assertThat(OpenAiErrors.describe(new IllegalArgumentException("prompt too long")).status())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        OpenAiErrors.Failure unknown = OpenAiErrors.describe(new UnknownModelException("gpt-4o", List.of("m")));
        assertThat(unknown.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.body().error().code()).isEqualTo("model_not_found");
        assertThat(unknown.body().error().param()).isEqualTo("model");
        OpenAiErrors.Failure down = OpenAiErrors.describe(
                new CompletionException(new EventPublisher.PublishFailedException("no broker", null)));
        assertThat(down.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(down.body().error().type()).isEqualTo("server_error");
        assertThat(OpenAiErrors.describe(new CompletionTimeoutException("rsn_1", java.time.Duration.ofMinutes(1)))
                .status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(OpenAiErrors.describe(new IllegalStateException("bug")).status())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void promptOverTheContext_isOpenAisContextLengthExceeded() {
        OpenAiErrors.Failure failure = OpenAiErrors.describe(
                new io.reasoner.gateway.service.PromptTooLongException(3000, 2048));

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(failure.body().error().code()).isEqualTo("context_length_exceeded");
        assertThat(failure.body().error().param()).isEqualTo("messages");
        assertThat(failure.body().error().message()).isEqualTo("prompt is 3000 tokens, which leaves no room in the "
                + "model's context of 2048 tokens; shorten it to at most 2047 tokens");
    }

    @Test
    void mistypedField_isA400NamingItsJsonPath() {
        HttpMessageNotReadableException unreadable = unreadable("{\"messages\":[{\"role\":{\"x\":1}}]}");

        OpenAiErrors.Failure failure = OpenAiErrors.describe(unreadable);

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(failure.body().error().param()).isEqualTo("messages[0].role");
        assertThat(failure.body().error().message()).startsWith("messages[0].role has the wrong type or value");
        assertThat(OpenAiErrors.describe(unreadable("{\"messages\": ")).body().error().message())
                .startsWith("request body is not valid JSON");
    }

    @Test
    void respond_givesOpenAisShapeAsJson_orProblemJsonWithTheSameErrorWhenAskedFor() {
        InvalidParameterException invalid = new InvalidParameterException("n", "n must be 1, was 2");

        EntityResponse<?> plain = (EntityResponse<?>) errors.respond(invalid, request(null));
        EntityResponse<?> problem = (EntityResponse<?>) errors.respond(invalid, request("application/problem+json"));

        assertThat(plain.statusCode().value()).isEqualTo(400);
        assertThat(plain.headers().getContentType()).hasToString("application/json");
        assertThat(((OpenAiError) plain.entity()).error().message()).isEqualTo("n must be 1, was 2");
        assertThat(problem.headers().getContentType()).hasToString("application/problem+json");
        ProblemDetail detail = (ProblemDetail) problem.entity();
        assertThat(detail.getStatus()).isEqualTo(400);
        assertThat(detail.getDetail()).isEqualTo("n must be 1, was 2");
        assertThat(detail.getProperties()).containsEntry("error", ((OpenAiError) plain.entity()).error());
    }

    private static ServerRequest request(String accept) {
        MockHttpServletRequest servlet = new MockHttpServletRequest("POST", "/v1/chat/completions");
        if (accept != null) {
            servlet.addHeader("Accept", accept);
        }
        return ServerRequest.create(servlet, List.of());
    }

    private static HttpMessageNotReadableException unreadable(String body) {
        try {
            JsonMapper.builder().build().readValue(body, ChatCompletionRequest.class);
            throw new AssertionError("expected " + body + " to be unreadable");
        } catch (tools.jackson.core.JacksonException e) {
            return new HttpMessageNotReadableException("unreadable", e,
                    new MockHttpInputMessage(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }
}
