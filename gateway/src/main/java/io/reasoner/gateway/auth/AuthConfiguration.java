package io.reasoner.gateway.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class AuthConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    @Bean
    ApiKeys apiKeys(AuthProperties properties) {
        ApiKeys keys = new ApiKeys(properties.keys());
        if (!properties.enabled()) {
            log.warn("API keys are disabled: every caller of /v1/** is tenant '{}'", ApiKeys.DEFAULT_TENANT);
        } else if (keys.size() == 0) {
            log.warn("no API keys configured (reasoner.gateway.auth.keys): every /v1/** call will be refused 401");
        } else {
            log.info("{} API key(s) configured", keys.size());
        }
        return keys;
    }

    /**
     * Just ahead of the body-size limit ({@code HIGHEST_PRECEDENCE + 10}), so an unauthenticated caller gets 401
     * and nothing behind this filter does any work for it.
     */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys, AuthProperties properties) {
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(keys, properties.enabled()));
        registration.addUrlPatterns("/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
