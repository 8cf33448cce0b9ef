package com.matchmaking.keys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins the name a ciphertext is bound to. Every sealed value's associated data names its subject and its type (the
 * simple class name), and inside it each value is keyed by its property path (values stored as {@code pd1} bound the
 * path in their associated data), so a ciphertext copied to another subject or type fails to decrypt. Renaming an
 * event class would make every stored ciphertext of it unreadable, and renaming or moving a personal property would
 * leave its stored values behind (they would read back as null); put this annotation on the renamed class or
 * property, with the old name, and the binding stays what it was.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface BindingName {

    /** The name the ciphertext was first bound to. */
    String value();
}
