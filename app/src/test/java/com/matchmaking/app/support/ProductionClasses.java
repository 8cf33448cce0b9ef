package com.matchmaking.app.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every production class of the four modules, imported once per test JVM and shared by the architecture rules:
 * importing is what those tests spend their time on. Classes they reference outside {@code com.matchmaking} are not
 * imported (archunit.properties), so the rules see them by name only, which is all they ask about.
 */
public final class ProductionClasses {

    /**
     * Besides test-classes folders, the modules' test jars, which the full build puts on the class path instead of the
     * folders (their tests may use any package of their module).
     */
    private static final ImportOption PRODUCTION = location ->
            ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && !location.contains("-tests.jar");

    private static JavaClasses classes;

    private ProductionClasses() {
    }

    public static synchronized JavaClasses all() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(PRODUCTION).importPackages("com.matchmaking");
        }
        return classes;
    }
}
