package com.matchmaking.readmodels.processing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event handlers of this class (and of its whole {@code @ProcessingGroup}) run in the transaction of the command
 * whose events they handle: a subscribing processor, whose errors roll the command back. The application's event
 * processing configuration registers such groups as subscribing from this annotation; every other group is a pooled
 * streaming processor (application.yml). It sits in this module, the lowest one with event handlers, so that the
 * read models and the application declare it alike.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InCommandTransaction {

    /** Why correctness depends on it: what would go wrong if the handlers ran after the command committed. */
    String value();
}
