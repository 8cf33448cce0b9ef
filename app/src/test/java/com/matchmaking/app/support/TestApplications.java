package com.matchmaking.app.support;

import com.matchmaking.keys.testing.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The settings that point the application at one test database, with a KEK and data folder of its own. */
public final class TestApplications {

    private TestApplications() {
    }

    public static Map<String, Object> properties(TestPostgres.Database database) {
        Path dataDir = Path.of("target", "test-data", database.name()).toAbsolutePath();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("matchmaking.data-dir", dataDir.toString());
        properties.put("matchmaking.keys.kek-file", dataDir.resolve("kek.json").toString());
        // Every test application mails to the one real SMTP server of the test JVM (TestMail).
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(TestMail.smtpPort()));
        return properties;
    }

    public static void useDatabase(DynamicPropertyRegistry registry, TestPostgres.Database database) {
        properties(database).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The same settings as command-line arguments, for applications started by hand. */
    public static String[] arguments(TestPostgres.Database database, String... more) {
        java.util.List<String> arguments = new java.util.ArrayList<>();
        properties(database).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.addAll(java.util.List.of(more));
        return arguments.toArray(String[]::new);
    }
}
