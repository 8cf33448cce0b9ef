package com.matchmaking.app.support;

import com.matchmaking.keys.testing.TestPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives every test application context a fresh database of its own (two applications on one database would share
 * event processors' tokens), and registers the context so the test session can close it before the databases go.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database database = TestPostgres.createDatabase("app");
        TestPropertyValues.of(TestApplications.properties(database).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())).applyTo(context);
        TestSessionCleanup.register(context);
    }
}
