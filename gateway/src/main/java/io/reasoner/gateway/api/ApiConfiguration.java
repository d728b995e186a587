package io.reasoner.gateway.api;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.reasoner.gateway.GatewayProperties;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    RequestFactory requestFactory(GatewayProperties properties, Clock clock) {
        return new RequestFactory(properties, new RequestIds(new SecureRandom()), clock);
    }
}
