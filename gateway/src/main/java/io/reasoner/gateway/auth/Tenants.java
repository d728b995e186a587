package io.reasoner.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;

/** Where {@link ApiKeyFilter} leaves the caller's tenant for the handlers: one request attribute. */
public final class Tenants {

    public static final String ATTRIBUTE = "io.reasoner.gateway.tenant";

    private Tenants() {
    }

    /** @throws IllegalStateException if the filter did not run, which would be a wiring bug, not a client error */
    public static String of(HttpServletRequest request) {
        Object tenant = request.getAttribute(ATTRIBUTE);
        if (!(tenant instanceof String name)) {
            throw new IllegalStateException("no tenant resolved for " + request.getRequestURI());
        }
        return name;
    }
}
