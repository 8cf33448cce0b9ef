package com.matchmaking.app.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.keys.serialization.ClassPlan;
import com.matchmaking.keys.serialization.FieldPlan;
import com.matchmaking.keys.serialization.PersonalDataCatalog;
import com.matchmaking.keys.serialization.StorageObjectMapper;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database dump must not tell one value of a fixed set from another by its length (FEMALE from MALE, one income
 * band or marital status from another, a verified ID from an unverified one). For every personal enum and boolean of
 * every stored type (events and snapshots, found as the classification test finds them), the same message is stored
 * once per value, null included, through the application's own event serializer: every stored payload has the same
 * length.
 */
@Tag("external-postgres")
class SealedFixedWidthTest extends IntegrationTest {

    private static final ObjectMapper MAPPER = StorageObjectMapper.create();

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    /** Event types (a {@code @Revision}) and snapshot types (an {@code @Aggregate}), as the classification test finds them. */
    private static List<Class<?>> storedTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Aggregate.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.matchmaking")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (!type.getProtectionDomain().getCodeSource().getLocation().toString().contains("test-classes")) {
                    types.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }

    @Test
    void everyPersonalEnumAndBooleanIsStoredAtOneLengthWhateverItsValue() throws Exception {
        Map<String, TreeSet<Integer>> lengthsByField = new TreeMap<>();
        for (Class<?> type : storedTypes()) {
            ClassPlan plan = PersonalDataCatalog.describe(type);
            for (FieldPlan field : plan.personalFields()) {
                if (!field.isFixedSet()) {
                    continue;
                }
                UUID subject = UUID.randomUUID();
                FieldPlan filler = fillerBeside(plan, field);
                TreeSet<Integer> unequal = new TreeSet<>();
                // A text value of the same group, at every length across one size class, puts the values on each
                // side of a padding boundary in turn: only a fixed width keeps their lengths equal at all of them.
                for (int fill = 0; fill < (filler == null ? 1 : 64); fill++) {
                    TreeSet<Integer> lengths = new TreeSet<>();
                    for (Object value : valuesOf(field.valueType())) {
                        Object message = messageWith(type, plan, subject, field, value, filler, "x".repeat(fill));
                        SerializedObject<byte[]> stored = eventSerializer.serialize(message, byte[].class);
                        String json = new String(stored.getData(), java.nio.charset.StandardCharsets.UTF_8);
                        assertThat(json).as(type.getSimpleName() + "." + field.dottedPath() + " is sealed").contains("\"@pd\"");
                        if (value != null) {
                            assertThat(json).doesNotContain("\"" + MAPPER.convertValue(value, String.class) + "\"");
                        }
                        lengths.add(stored.getData().length);
                        if (fill == 0) {
                            Object read = eventSerializer.deserialize(stored);
                            assertThat(MAPPER.valueToTree(read).at(pointer(field))).as("round trip")
                                    .isEqualTo(MAPPER.valueToTree(message).at(pointer(field)));
                        }
                    }
                    if (lengths.size() > 1) {
                        unequal.add(fill);
                    }
                }
                lengthsByField.put(type.getSimpleName() + "." + field.dottedPath()
                        + (filler == null ? "" : " beside " + filler.dottedPath()), unequal);
            }
        }
        assertThat(lengthsByField.keySet()).as("the walk found the profile's enums and the ID check's boolean")
                .contains("MemberRegistered.profile.gender beside profile.fullName",
                        "MemberRegistered.profile.maritalStatus beside profile.fullName",
                        "MemberRegistered.profile.education beside profile.fullName",
                        "ProfileUpdated.profile.gender beside profile.fullName",
                        "IdNumberVerified.verified beside maskedIdNumber")
                .anyMatch(name -> name.startsWith("MemberRegistered.profile.incomeBand"));
        assertThat(lengthsByField).allSatisfy((field, unequal) ->
                assertThat(unequal).as(field + ": fill lengths at which values stored at different lengths").isEmpty());
    }

    private static List<Object> valuesOf(Class<?> type) {
        List<Object> values = new ArrayList<>();
        if (type.isEnum()) {
            values.addAll(Arrays.asList(type.getEnumConstants()));
        } else {
            values.add(Boolean.TRUE);
            values.add(Boolean.FALSE);
        }
        if (!type.isPrimitive()) {
            values.add(null);
        }
        return values;
    }

    /** A personal text property sealed together with the field (same subject and group), if the type has one. */
    private static FieldPlan fillerBeside(ClassPlan plan, FieldPlan field) {
        return plan.personalFields().stream()
                .filter(f -> f.valueType() == String.class && f.group().equals(field.group())
                        && f.subjectProperty().equals(field.subjectProperty()))
                .findFirst().orElse(null);
    }

    /** The message with its subject ids set, the field at the value, the filler filled, and everything else absent. */
    private static Object messageWith(Class<?> type, ClassPlan plan, UUID subject, FieldPlan field, Object value,
                                      FieldPlan filler, String fill) throws Exception {
        ObjectNode tree = MAPPER.createObjectNode();
        tree.put(plan.subjectProperty(), subject.toString());
        tree.put(field.subjectProperty(), subject.toString());
        set(tree, field, MAPPER.valueToTree(value));
        if (filler != null) {
            set(tree, filler, MAPPER.valueToTree(fill));
        }
        return MAPPER.treeToValue(tree, type);
    }

    private static void set(ObjectNode tree, FieldPlan field, com.fasterxml.jackson.databind.JsonNode value) {
        ObjectNode parent = tree;
        for (String name : field.path().subList(0, field.path().size() - 1)) {
            parent = parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
        }
        parent.set(field.path().get(field.path().size() - 1), value);
    }

    private static String pointer(FieldPlan field) {
        return "/" + String.join("/", field.path());
    }
}
