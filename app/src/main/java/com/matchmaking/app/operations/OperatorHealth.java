package com.matchmaking.app.operations;

import com.matchmaking.keys.kek.KekCheck;
import com.matchmaking.keys.kek.KekProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.Map;
import java.util.TreeMap;

/**
 * Health of what a node needs besides its database (which Spring's own {@code db} indicator checks): the KEK, which
 * must still open the database's check value, and the streaming event processors, which must be running and not
 * stuck in error. Both are in the readiness group (application.yml): a node that cannot read keys or keeps failing
 * on events should get no traffic. Details name processors and states only.
 */
@Configuration(proxyBeanMethods = false)
class OperatorHealth {

    @Bean
    HealthIndicator kekHealthIndicator(DataSource dataSource, KekProvider kek) {
        return () -> {
            try {
                return KekCheck.matches(dataSource, kek)
                        ? Health.up().build()
                        : Health.down().withDetail("reason", "the KEK does not open the database's check value").build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("reason", "cannot check the KEK: " + e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    HealthIndicator processorsHealthIndicator(EventProcessingConfiguration processing) {
        return () -> {
            Map<String, String> states = new TreeMap<>();
            boolean up = true;
            for (var entry : processing.eventProcessors().entrySet()) {
                if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                    String state = streaming.isError() ? "error" : streaming.isRunning() ? "running" : "stopped";
                    up &= "running".equals(state);
                    states.put(entry.getKey(), state);
                }
            }
            return (up ? Health.up() : Health.down()).withDetails(Map.copyOf(states)).build();
        };
    }
}
