package com.matchmaking.keys.serialization;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.matchmaking.keys.BindingName;
import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.keys.UnclassifiedDataException;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the classification annotations of a class once and keeps the result: which properties are personal, under
 * which key group and subject, and the names their ciphertexts are bound to. Reflection happens once per class,
 * never per event.
 *
 * <p>Classification is compulsory. Every serialized property (a record component, or a non-static, non-transient
 * field of any other class) must be {@link PersonalData}, {@link NotPersonal}, {@link DataSubjectId}, or an
 * unannotated record whose own properties are classified; anything else is refused with
 * {@link UnclassifiedDataException}.
 */
public final class PersonalDataCatalog {

    private static final Pattern GROUP_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Set<Class<?>> TEXT_TYPES = Set.of(String.class, CharSequence.class);

    private final ClassValue<ClassPlan> plans = new ClassValue<>() {
        @Override
        protected ClassPlan computeValue(Class<?> type) {
            return describe(type);
        }
    };

    /** The cached plan of a class. */
    public ClassPlan planFor(Class<?> type) {
        return plans.get(type);
    }

    /**
     * Classifies a class from its annotations.
     *
     * @throws UnclassifiedDataException when a property is unclassified or the annotations contradict each other
     */
    public static ClassPlan describe(Class<?> type) {
        List<Property> top = properties(type);
        String subject = null;
        for (Property p : top) {
            if (p.element.isAnnotationPresent(DataSubjectId.class)) {
                if (subject != null) {
                    throw new UnclassifiedDataException(type.getName() + " has more than one @DataSubjectId");
                }
                requireUuid(type, p);
                subject = p.jsonName;
            }
        }
        String bindingType = type.isAnnotationPresent(BindingName.class)
                ? type.getAnnotation(BindingName.class).value() : type.getSimpleName();
        List<FieldPlan> fields = new ArrayList<>();
        collect(type, top, List.of(), List.of(), bindingType, subject, top, fields, 0);
        return new ClassPlan(type, subject, fields, bindingType);
    }

    private static void collect(Class<?> root, List<Property> properties, List<String> path, List<String> bindingPath,
                                String bindingType, String subject, List<Property> top, List<FieldPlan> out, int depth) {
        if (depth > 8) {
            throw new UnclassifiedDataException(root.getName() + " nests records too deeply to classify");
        }
        for (Property p : properties) {
            List<String> here = append(path, p.jsonName);
            List<String> hereBinding = append(bindingPath, p.element.isAnnotationPresent(BindingName.class)
                    ? p.element.getAnnotation(BindingName.class).value() : p.jsonName);
            PersonalData personal = p.element.getAnnotation(PersonalData.class);
            boolean notPersonal = p.element.isAnnotationPresent(NotPersonal.class);
            boolean subjectId = p.element.isAnnotationPresent(DataSubjectId.class);
            int marks = (personal != null ? 1 : 0) + (notPersonal ? 1 : 0) + (subjectId ? 1 : 0);
            if (marks > 1) {
                throw new UnclassifiedDataException(root.getName() + "." + String.join(".", here)
                        + " carries more than one of @PersonalData, @NotPersonal, @DataSubjectId");
            }
            if (subjectId && depth > 0) {
                throw new UnclassifiedDataException(root.getName() + "." + String.join(".", here)
                        + ": @DataSubjectId belongs on a top-level property");
            }
            if (personal != null) {
                out.add(personalField(root, p, here, hereBinding, bindingType, subject, top, personal));
            } else if (marks == 0) {
                if (p.type.isRecord()) {
                    collect(root, properties(p.type), here, hereBinding, bindingType, subject, top, out, depth + 1);
                } else {
                    throw new UnclassifiedDataException(root.getName() + "." + String.join(".", here)
                            + " is not classified: mark it @PersonalData or @NotPersonal");
                }
            }
        }
    }

    private static FieldPlan personalField(Class<?> root, Property p, List<String> path, List<String> bindingPath,
                                           String bindingType, String subject, List<Property> top, PersonalData personal) {
        String where = root.getName() + "." + String.join(".", path);
        if (!GROUP_NAME.matcher(personal.group()).matches()) {
            throw new UnclassifiedDataException(where + ": key group must be a lower-case word");
        }
        if (personal.purpose().isBlank()) {
            throw new UnclassifiedDataException(where + " is personal data without a stated purpose");
        }
        String subjectProperty = subject;
        if (!personal.subject().isEmpty()) {
            Property named = top.stream().filter(t -> t.jsonName.equals(personal.subject())).findFirst()
                    .orElseThrow(() -> new UnclassifiedDataException(where + " names subject property '"
                            + personal.subject() + "', which does not exist at the top level"));
            requireUuid(root, named);
            if (named.element.isAnnotationPresent(PersonalData.class)) {
                throw new UnclassifiedDataException(where + ": its subject property must not be personal data");
            }
            subjectProperty = named.jsonName;
        }
        if (subjectProperty == null) {
            throw new UnclassifiedDataException(where + " is personal data but " + root.getName()
                    + " has no @DataSubjectId");
        }
        boolean text = TEXT_TYPES.contains(p.type);
        String placeholder = text && !personal.placeholder().equals(PersonalData.ERASED_AS_NULL)
                ? personal.placeholder() : null;
        return new FieldPlan(path, personal.group(), subjectProperty, placeholder,
                bindingType + "." + String.join(".", bindingPath), personal.purpose(), p.type);
    }

    private static void requireUuid(Class<?> root, Property p) {
        if (!UUID.class.equals(p.type)) {
            throw new UnclassifiedDataException(root.getName() + "." + p.jsonName + " holds a subject id and must be a UUID");
        }
    }

    private static List<String> append(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private record Property(String jsonName, Class<?> type, AnnotatedElement element) {
    }

    private static List<Property> properties(Class<?> type) {
        List<Property> properties = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                properties.add(new Property(jsonName(component, component.getName()), component.getType(), component));
            }
            return properties;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                properties.add(new Property(jsonName(field, field.getName()), field.getType(), field));
            }
        }
        return properties;
    }

    private static String jsonName(AnnotatedElement element, String javaName) {
        JsonProperty renamed = element.getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : javaName;
    }
}
