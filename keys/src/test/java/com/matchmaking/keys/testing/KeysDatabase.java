package com.matchmaking.keys.testing;

import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh test database with the project's real migrations applied, read from the schema module's sources (the
 * keys module cannot depend on schema, which depends on it).
 */
public final class KeysDatabase {

    private KeysDatabase() {
    }

    public static TestPostgres.Database migrated(String prefix) {
        TestPostgres.Database database = TestPostgres.createDatabase(prefix);
        Path migrations = Path.of("..", "schema", "src", "main", "resources", "db", "migration").toAbsolutePath().normalize();
        if (!Files.isDirectory(migrations)) {
            throw new IllegalStateException("Schema migrations not found at " + migrations);
        }
        Flyway.configure()
                .dataSource(database.dataSource())
                .locations("filesystem:" + migrations)
                .load()
                .migrate();
        return database;
    }
}
