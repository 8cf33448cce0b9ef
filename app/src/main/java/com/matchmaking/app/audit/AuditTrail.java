package com.matchmaking.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.matchmaking.keys.serialization.FieldPlan;
import com.matchmaking.keys.serialization.PersonalDataCatalog;
import com.matchmaking.keys.serialization.StorageObjectMapper;
import com.matchmaking.readmodels.masking.Masking;
import com.matchmaking.schema.access.MemberAuditTrailViewed;
import com.matchmaking.schema.access.MemberDataExported;
import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.access.MemberFieldRevealed;
import com.matchmaking.schema.access.MemberProfileViewed;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfileUpdated;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A subject's stream of events as compliance reads it: every change and every access in order, with who, why, through
 * which channel and under which correlation id (from the metadata), and each value as the audience may see it. What is
 * personal is found from the classification of the event type, not from a list kept here: names and contact data get
 * the masking catalog's masks, other personal values {@code ***}; the reasons staff gave for looking (the
 * accountability purpose) are shown in full, since judging them is what the trail is for. Values the subject's erasure
 * destroyed read as the placeholder.
 */
@Component
class AuditTrail {

    /** Access events: reads of a member's data, not changes to it. */
    static final Set<Class<?>> ACCESS_EVENTS = Set.of(MemberFieldRevealed.class, MemberProfileViewed.class,
            MemberDataExported.class, MemberDataShared.class, MemberAuditTrailViewed.class,
            com.matchmaking.schema.matchmaking.MemberContactViewed.class,
            com.matchmaking.schema.matchmaking.ConsultationNotesViewed.class,
            com.matchmaking.schema.matchmaking.IntroductionRecordsViewed.class);
    private static final String ERASED = "[erased]";

    /** One value of an entry. */
    record AuditValue(String field, String value) {
    }

    /** One event of the trail. */
    record AuditEntry(long sequence, Instant at, String event, String category, String actorId, String actorRole,
                      String purpose, String origin, String correlationId, List<AuditValue> values) {
    }

    /** The subject's events: the aggregate type, and the entries between from and to. */
    record Trail(String aggregateType, List<AuditEntry> entries) {
    }

    private final EventStorageEngine events;
    private final ObjectMapper json = StorageObjectMapper.create();
    private final Map<Class<?>, Map<String, FieldPlan>> personalFields = new java.util.concurrent.ConcurrentHashMap<>();

    AuditTrail(EventStorageEngine events) {
        this.events = events;
    }

    /** The type of aggregate whose stream the subject id names (Member, Staff...), if any. */
    Optional<String> aggregateType(UUID subjectId) {
        return events.readEvents(subjectId.toString(), 0).asStream().findFirst().map(DomainEventMessage::getType);
    }

    Trail read(UUID subjectId, Instant from, Instant to) {
        List<AuditEntry> entries = new ArrayList<>();
        String[] type = {null};
        events.readEvents(subjectId.toString(), 0).asStream().forEach(message -> {
            type[0] = message.getType();
            Instant at = message.getTimestamp();
            if ((from != null && at.isBefore(from)) || (to != null && at.isAfter(to))) {
                return;
            }
            entries.add(entry(message));
        });
        return new Trail(type[0], entries);
    }

    private AuditEntry entry(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        Map<String, Object> meta = message.getMetaData();
        return new AuditEntry(message.getSequenceNumber(), message.getTimestamp(), payload.getClass().getSimpleName(),
                ACCESS_EVENTS.contains(payload.getClass()) ? "ACCESS" : "CHANGE", text(meta.get("actorId")),
                text(meta.get("actorRole")), text(meta.get("purpose")), text(meta.get("origin")),
                text(meta.get("correlationId")), values(payload));
    }

    private List<AuditValue> values(Object payload) {
        Map<String, FieldPlan> personal = personalFields.computeIfAbsent(payload.getClass(), type -> {
            Map<String, FieldPlan> byPath = new HashMap<>();
            var plan = PersonalDataCatalog.describe(type);
            plan.personalFields().forEach(f -> byPath.put(f.dottedPath(), f));
            return byPath;
        });
        String subjectProperty = PersonalDataCatalog.describe(payload.getClass()).subjectProperty();
        Set<String> changedProfileFields = payload instanceof ProfileUpdated updated
                ? updated.changedFields().stream().map(ProfileField::propertyName).collect(java.util.stream.Collectors.toSet())
                : null;
        JsonNode tree = json.valueToTree(payload);
        List<AuditValue> values = new ArrayList<>();
        flatten(tree, "", personal, subjectProperty, changedProfileFields, values);
        return values;
    }

    private void flatten(JsonNode node, String path, Map<String, FieldPlan> personal, String subjectProperty,
                         Set<String> changedProfileFields, List<AuditValue> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (path.isEmpty() && field.getKey().equals(subjectProperty)) {
                continue;
            }
            FieldPlan plan = personal.get(here);
            if (plan == null && field.getValue() instanceof ObjectNode nested && hasPersonalBelow(personal, here)) {
                flatten(nested, here, personal, subjectProperty, changedProfileFields, out);
                continue;
            }
            String name = here.startsWith("profile.") ? here.substring("profile.".length()) : here;
            if (here.startsWith("profile.") && changedProfileFields != null && !changedProfileFields.contains(name)) {
                continue;
            }
            JsonNode value = field.getValue();
            out.add(new AuditValue(name, plan == null ? plain(value) : masked(plan, field.getKey(), value)));
        }
    }

    private static boolean hasPersonalBelow(Map<String, FieldPlan> personal, String path) {
        return personal.keySet().stream().anyMatch(p -> p.startsWith(path + "."));
    }

    private static String plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String masked(FieldPlan plan, String leaf, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() && ERASED.equals(value.textValue())) {
            return ERASED;
        }
        if (DataPurposes.ACCOUNTABILITY.equals(plan.purpose())) {
            return plain(value);
        }
        String text = value.isTextual() ? value.textValue() : null;
        return switch (leaf) {
            case "fullName" -> Masking.name(text);
            case "email" -> Masking.email(text);
            case "phone" -> Masking.phone(text);
            case "wechatId" -> Masking.wechatId(text);
            case "maskedIdNumber" -> Masking.idNumber(text);
            default -> "***";
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
