package com.matchmaking.app.hardening;

import com.matchmaking.app.problem.Messages;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.EnumSet;

/**
 * The servlet filters of the hardening, ahead of everything else (Spring Security included), so that an oversized
 * request costs no token check and no response leaves without its cache header.
 */
@Configuration(proxyBeanMethods = false)
class HttpHardeningConfiguration {

    @Bean
    FilterRegistrationBean<NoStoreFilter> noStoreFilter() {
        FilterRegistrationBean<NoStoreFilter> registration = new FilterRegistrationBean<>(new NoStoreFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(GraphQlHardeningProperties limits,
                                                                   Messages messages) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits.maxRequestSize().toBytes(), messages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
