package io.reasoner.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ApiKeyFilterTest {

    private final ApiKeys keys = new ApiKeys(Map.of("rsk_alpha", "acme"));

    private MockHttpServletResponse call(ApiKeyFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String path, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    @Test
    void knownKey_setsTheTenant_andPassesOn() throws Exception {
        MockHttpServletRequest request = request("/v1/reasoning/rsn_1", "Bearer rsk_alpha");

        MockHttpServletResponse response = call(new ApiKeyFilter(keys, true), request);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(Tenants.of(request)).isEqualTo("acme");
    }

    @Test
    void missingKey_onNativeRoute_is401ProblemJson() throws Exception {
        MockHttpServletResponse response = call(new ApiKeyFilter(keys, true), request("/v1/reasoning", null));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":401", "missing API key");
    }

    @Test
    void wrongKey_onOpenAiRoute_is401InvalidApiKey_withoutEchoingTheKey() throws Exception {
        MockHttpServletResponse response = call(new ApiKeyFilter(keys, true),
                request("/v1/models", "Bearer rsk_guess"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"code\":\"invalid_api_key\"")
                .doesNotContain("rsk_guess");
    }

    @Test
    void actuator_isNotFiltered() throws Exception {
        MockHttpServletRequest request = request("/actuator/health", null);

        MockHttpServletResponse response = call(new ApiKeyFilter(keys, true), request);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(request.getAttribute(Tenants.ATTRIBUTE)).isNull();
    }

    @Test
    void disabled_makesEveryCallerTheDefaultTenant() throws Exception {
        MockHttpServletRequest request = request("/v1/reasoning", null);

        MockHttpServletResponse response = call(new ApiKeyFilter(keys, false), request);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(Tenants.of(request)).isEqualTo(ApiKeys.DEFAULT_TENANT);
    }
}
