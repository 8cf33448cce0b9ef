package com.matchmaking.app.architecture;

import com.matchmaking.app.support.ProductionClasses;
import com.matchmaking.keys.serialization.ClassPlan;
import com.matchmaking.keys.serialization.PersonalDataCatalog;
import com.tngtech.archunit.core.domain.JavaClass;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classification is compulsory: every event type (every class with a {@code @Revision}) and every snapshot type
 * (every event-sourced aggregate) must have each field declared personal, declared not personal, or be the subject id.
 * An unclassified field fails here, before the serializer would refuse it at run time.
 */
class ClassificationTest {

    private static List<Class<?>> storedTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (JavaClass type : ProductionClasses.all()) {
            if (type.isAnnotatedWith(Revision.class) || type.isAnnotatedWith(Aggregate.class)) {
                types.add(type.reflect());
            }
        }
        return types;
    }

    @Test
    void everyEventAndSnapshotTypeIsFullyClassified() {
        Map<String, String> problems = new TreeMap<>();
        for (Class<?> type : storedTypes()) {
            try {
                PersonalDataCatalog.describe(type);
            } catch (RuntimeException e) {
                problems.put(type.getName(), e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theWalkFindsEventsAndAggregatesAndTheirPersonalFields() {
        List<Class<?>> types = storedTypes();
        assertThat(types).extracting(Class::getSimpleName)
                .contains("MemberRegistered", "ProfileUpdated", "MemberErased", "Member");
        ClassPlan registered = PersonalDataCatalog.describe(types.stream()
                .filter(t -> t.getSimpleName().equals("MemberRegistered")).findFirst().orElseThrow());
        assertThat(registered.personalFields()).extracting(f -> f.dottedPath())
                .contains("profile.fullName", "profile.email", "profile.phone", "profile.wechatId", "profile.birthDate",
                        "profile.incomeBand", "passwordHash");
    }

    @Test
    void everyPersonalFieldNamesARegisteredPurpose() {
        Map<String, String> unregistered = new TreeMap<>();
        for (Class<?> type : storedTypes()) {
            for (var field : PersonalDataCatalog.describe(type).personalFields()) {
                if (com.matchmaking.schema.purpose.Purpose.registered(field.purpose()).isEmpty()) {
                    unregistered.put(type.getSimpleName() + "." + field.dottedPath(), field.purpose());
                }
            }
        }
        assertThat(unregistered).isEmpty();
    }

    @Test
    void everyEventRecordIsRevisioned() {
        List<String> unrevisioned = new ArrayList<>();
        for (JavaClass type : ProductionClasses.all()
                .that(JavaClass.Predicates.resideInAPackage("com.matchmaking.schema.."))) {
            boolean looksLikeEvent = type.isRecord() && type.getFields().stream()
                    .anyMatch(f -> f.isAnnotatedWith(com.matchmaking.keys.DataSubjectId.class));
            if (looksLikeEvent && !type.isAnnotatedWith(Revision.class)) {
                unrevisioned.add(type.getName());
            }
        }
        assertThat(unrevisioned).as("events carrying a subject id but no @Revision").isEmpty();
    }
}
