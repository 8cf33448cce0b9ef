package com.matchmaking.keys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a property holds no personal data (ids, enums of process state, timestamps, policy versions),
 * so it is stored in the clear. Classification is compulsory: a property that is neither this,
 * {@link PersonalData}, {@link DataSubjectId} nor a nested record of classified properties is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface NotPersonal {

    /** Why the value is not personal, when that is not obvious. */
    String value() default "";
}
