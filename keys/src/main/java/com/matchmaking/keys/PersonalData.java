package com.matchmaking.keys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property as personal data: it is stored only encrypted under a key of its subject, in the key
 * {@link #group() group} named here, and reads back as the {@link #placeholder() placeholder} once that key
 * has been destroyed.
 *
 * <p>The whole value is encrypted, whatever its type (text, number, date, list or nested record), sealed together
 * with the other personal values of the same subject and group in the message; a {@code null} value is sealed like
 * any other, so its nullness does not show either.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface PersonalData {

    /** The placeholder that makes an erased field read back as {@code null}. */
    String ERASED_AS_NULL = "";

    /**
     * The key group. Destroying one group (for example when consent for sensitive fields is withdrawn)
     * shreds only the fields of that group.
     */
    String group();

    /**
     * Why the value is collected: a code of the application's purpose registry, which gives each purpose its
     * description and legal basis. Required, so that no field can be collected without a stated purpose.
     */
    String purpose();

    /**
     * What a text field reads back as once its key is destroyed. Fields that are not text, and fields whose
     * placeholder is {@link #ERASED_AS_NULL}, read back as {@code null}.
     */
    String placeholder() default "[erased]";

    /**
     * The name of another top-level property holding the id of the subject this value belongs to, when it is
     * not the object's {@link DataSubjectId} (for example the other member of an introduction).
     */
    String subject() default "";
}
