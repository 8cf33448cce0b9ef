package com.matchmaking.app.support;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that starts its own applications, databases or processes and shares nothing with the suite's shared
 * applications. JUnit runs such classes in a lane of their own beside the rest of the suite (junit-platform.properties),
 * one at a time, since they share this lock, and their methods in order, since a class holding a lock keeps its
 * methods on its own thread. Most of their time is spent waiting for what they started, so the suite's wall time drops
 * by about theirs on a two-core machine.
 *
 * <p>Only for classes that need no shared state: not the shared applications of {@link IntegrationTest}, not a
 * PostgreSQL server another test uses (stopping one is fine if the class started it), no system properties.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Lanes.OWN_APPLICATIONS)
public @interface RunsBesideTheSuite {
}
