package com.matchmaking.app.support;

import com.matchmaking.keys.testing.TestPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Closes the test session's applications first, and only then drops their databases and lets the embedded
 * PostgreSQL stop. Left to JVM shutdown hooks, all three would race, and applications would spend their last seconds
 * retrying a database that is already gone.
 */
public class TestSessionCleanup implements LauncherSessionListener {

    private static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();

    static synchronized void register(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<ConfigurableApplicationContext> contexts;
        synchronized (TestSessionCleanup.class) {
            contexts = new ArrayList<>(CONTEXTS);
            CONTEXTS.clear();
        }
        for (ConfigurableApplicationContext context : contexts) {
            if (context.isActive()) {
                context.close();
            }
        }
        TestPostgres.dropAll();
    }
}
