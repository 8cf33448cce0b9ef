package com.matchmaking.keys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins the name a ciphertext is bound to. Every ciphertext's associated data names its subject, its type (the
 * simple class name) and its property path, so a ciphertext copied to another subject or another property
 * fails to decrypt. Renaming an event class or moving a personal property would change those names and make
 * every stored ciphertext unreadable; put this annotation on the renamed class or property, with the old name,
 * and the binding stays what it was.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface BindingName {

    /** The name the ciphertext was first bound to. */
    String value();
}
