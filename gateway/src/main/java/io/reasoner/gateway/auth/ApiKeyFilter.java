package io.reasoner.gateway.auth;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.reasoner.gateway.tracing.RequestTags;

/**
 * Resolves the caller's tenant once per {@code /v1/**} request from {@code Authorization: Bearer <key>} and puts
 * it in {@link Tenants#ATTRIBUTE}; a missing or unknown key is answered 401 here, before any handler runs. Other
 * paths (actuator) pass untouched. Keys are never logged nor echoed.
 *
 * <p>The 401 body takes the shape of the API asked: OpenAI's error object on the OpenAI-compatible routes, whose
 * clients are OpenAI SDKs, problem+json on the native ones.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final boolean enabled;

    ApiKeyFilter(ApiKeys keys, boolean enabled) {
        this.keys = keys;
        this.enabled = enabled;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!enabled) {
            request.setAttribute(Tenants.ATTRIBUTE, ApiKeys.DEFAULT_TENANT);
            RequestTags.tenant(ApiKeys.DEFAULT_TENANT);
            chain.doFilter(request, response);
            return;
        }
        String token = ApiKeys.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        Optional<String> tenant = keys.tenantOf(token);
        if (tenant.isEmpty()) {
            reject(request, response, token == null ? "missing API key: send Authorization: Bearer <key>"
                    : "invalid API key");
            return;
        }
        request.setAttribute(Tenants.ATTRIBUTE, tenant.get());
        RequestTags.tenant(tenant.get());
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setCharacterEncoding("UTF-8");
        String path = request.getRequestURI();
        if (path.startsWith("/v1/chat/") || path.startsWith("/v1/models")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":{\"message\":\"" + message
                    + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // The messages are fixed texts, so they need no JSON escaping; nothing of the request is echoed.
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + message + "\"}");
        }
    }
}
