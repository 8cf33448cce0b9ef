package com.matchmaking.app.support;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The whole backend over real HTTP on a real PostgreSQL: one application context (and database) shared by every
 * test class that extends this without settings of its own, so the suite starts it once; a class with its own
 * settings gets its own context and database. Tests keep out of each other's way with their own
 * members (fresh ids and markers), never by cleaning up after others.
 *
 * <p>Each further combination of settings starts another application (seconds, and its processors keep polling until
 * the JVM ends): the suite has four, this one, {@link IsolatedIntegrationTest}'s (a movable clock, tightened rules, a
 * fixed class order), {@link DevProfileIntegrationTest}'s and ConfiguredLimitsTest's. Put a new test in one of them.
 *
 * <p>These classes run one at a time in a lane of their own, beside JUnit's main thread and the classes that start
 * applications of their own (junit-platform.properties): each lane has its own applications and databases, and one
 * lane alone would leave the machine's cores waiting on PostgreSQL, the network and the event processors' polling.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Lanes.DEFAULT_APPLICATION)
public abstract class IntegrationTest extends ApplicationTest {
}
