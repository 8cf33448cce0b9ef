package com.matchmaking.app.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.policy.PrivacyPolicyAccepted;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Revision 2 of {@link PrivacyPolicyAccepted} and {@link MemberRegistered} records the language of the policy text
 * and its hash. Stored events of revision 1 come out with both explicitly null: nobody knows what such a member was
 * shown. Only plain properties are added; the encrypted fields are left as they are (their associated data names
 * the type and the property, not the revision), so old ciphertext stays readable. Axon's Spring support puts every
 * {@code EventUpcaster} bean into the chain the event store reads through.
 */
@Configuration(proxyBeanMethods = false)
class PolicyAcceptanceUpcasters {

    @Bean
    SingleEventUpcaster privacyPolicyAcceptedRevision2() {
        return new AddedNullProperties(PrivacyPolicyAccepted.class.getName(), "1", "2", List.of("language", "textHash"));
    }

    @Bean
    SingleEventUpcaster memberRegisteredRevision2() {
        return new AddedNullProperties(MemberRegistered.class.getName(), "1", "2",
                List.of("acceptedPrivacyPolicyLanguage", "acceptedPrivacyPolicyTextHash"));
    }

    /** From one revision to the next of one type, adding properties as null. */
    static final class AddedNullProperties extends SingleEventUpcaster {

        private final SimpleSerializedType from;
        private final SimpleSerializedType to;
        private final List<String> added;

        AddedNullProperties(String type, String fromRevision, String toRevision, List<String> added) {
            this.from = new SimpleSerializedType(type, fromRevision);
            this.to = new SimpleSerializedType(type, toRevision);
            this.added = List.copyOf(added);
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return from.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(to, JsonNode.class, stored -> {
                // A copy: the stored tree may be shared with other readers of the same representation.
                ObjectNode payload = ((ObjectNode) stored).deepCopy();
                added.forEach(property -> {
                    if (!payload.has(property)) {
                        payload.putNull(property);
                    }
                });
                return payload;
            });
        }
    }
}
