package com.matchmaking.keys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the property that holds the id of the data subject (a random {@link java.util.UUID}) whose keys
 * encrypt the {@link PersonalData} of the same object. An object with personal data has exactly one.
 *
 * <p>The subject id is itself stored in the clear: it must be a random id, never a derived value such as a
 * phone number or an email address.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface DataSubjectId {
}
