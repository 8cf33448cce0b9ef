package com.matchmaking.app.support;

/**
 * The lanes the suite runs in side by side (junit-platform.properties): the names of the resource locks that keep
 * the classes of one lane one at a time. Classes in neither (IsolatedIntegrationTest's ordered classes, fixture and
 * unit tests, the other shared applications) run on JUnit's main thread.
 */
final class Lanes {

    /** The classes of {@link IntegrationTest}'s application, the suite's default one. */
    static final String DEFAULT_APPLICATION = "default-application";

    /** Classes that start applications, databases or processes of their own ({@link RunsBesideTheSuite}). */
    static final String OWN_APPLICATIONS = "own-applications";

    private Lanes() {
    }
}
