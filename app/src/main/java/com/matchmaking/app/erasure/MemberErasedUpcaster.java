package com.matchmaking.app.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.matchmaking.schema.erasure.ErasureCause;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.purpose.Purpose;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Revision 2 of {@link MemberErased} carries its cause. A stored event of revision 1 gets the cause its metadata's
 * purpose implies, as the erasure executor derived it when that event was handled: an erasure from the erasure
 * ledger or by the retention rule, otherwise the member's request. So old events read with the same cause their
 * receipt holds. Axon's Spring support puts every {@code EventUpcaster} bean into the chain the event store reads
 * through.
 */
@Component
class MemberErasedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(MemberErased.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(MemberErased.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        ErasureCause cause = causeOf(representation.getMetaData().getObject().get("purpose"));
        return representation.upcastPayload(REVISION_2, JsonNode.class, stored -> {
            // A copy: the stored tree may be shared with other readers of the same representation.
            ObjectNode payload = ((ObjectNode) stored).deepCopy();
            if (!payload.hasNonNull("cause")) {
                payload.put("cause", cause.name());
            }
            return payload;
        });
    }

    /** The cause of a revision-1 erasure from the purpose its command was sent with. */
    static ErasureCause causeOf(Object purpose) {
        Purpose sent = purpose instanceof String code ? Purpose.ofCode(code).orElse(null) : null;
        if (sent == Purpose.ERASURE_LEDGER_REAPPLY) {
            return ErasureCause.ERASURE_LEDGER;
        }
        return sent == Purpose.RETENTION_INACTIVE ? ErasureCause.RETENTION : ErasureCause.MEMBER_REQUEST;
    }
}
