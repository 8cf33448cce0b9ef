package com.matchmaking.app.auditedcommands;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Correlation ids on every event. Axon's own provider of them steps back as soon as any other correlation data
 * provider is defined (the audit metadata one is), so it is declared here: every event carries {@code correlationId}
 * (the message that caused it: the command, or for what an event handler does, the event) and {@code traceId} (the
 * first message of the chain), beside the actor, role, purpose and origin that {@link AuditedCommands} puts in.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
