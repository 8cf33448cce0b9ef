package com.matchmaking.app.policy;

import com.matchmaking.keys.serialization.FieldPlan;
import com.matchmaking.keys.serialization.PersonalDataCatalog;
import com.matchmaking.schema.purpose.Purpose;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What personal data the backend stores, for which purpose and on which legal basis: read once from the
 * classification of every stored type (events and snapshots) and the purpose registry. The privacy policy and the
 * member's export are generated from it, and a test checks the README against it.
 */
@Component
public class PersonalDataInventory {

    /** One purpose with the fields collected for it. */
    public record Entry(Purpose purpose, SortedSet<String> fields) {
    }

    private final Map<String, Entry> entries;

    public PersonalDataInventory() {
        this.entries = build();
    }

    /** Every purpose that some stored field names, in registry order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    static Map<String, Entry> build() {
        Map<String, SortedSet<String>> fields = new LinkedHashMap<>();
        for (Class<?> type : storedTypes()) {
            for (FieldPlan field : PersonalDataCatalog.describe(type).personalFields()) {
                if (Purpose.registered(field.purpose()).isEmpty()) {
                    throw new IllegalStateException(type.getName() + "." + field.dottedPath()
                            + " names the unregistered purpose '" + field.purpose() + "'");
                }
                fields.computeIfAbsent(field.purpose(), p -> new TreeSet<>()).add(field.path().get(field.path().size() - 1));
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Purpose purpose : Purpose.registry()) {
            if (fields.containsKey(purpose.code())) {
                entries.put(purpose.code(), new Entry(purpose, fields.get(purpose.code())));
            }
        }
        return entries;
    }

    /** Every class the event store keeps: events (they carry a revision) and aggregates (their snapshots). */
    static List<Class<?>> storedTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Aggregate.class));
        List<Class<?>> types = new ArrayList<>();
        for (var definition : scanner.findCandidateComponents("com.matchmaking")) {
            types.add(ClassUtils.resolveClassName(definition.getBeanClassName(), PersonalDataInventory.class.getClassLoader()));
        }
        return types;
    }
}
