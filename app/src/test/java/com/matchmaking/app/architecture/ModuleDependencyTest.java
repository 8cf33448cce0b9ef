package com.matchmaking.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module rule of DESIGN.md: keys knows no domain; schema knows only keys; read-models never imports app. */
class ModuleDependencyTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.matchmaking");
    }

    @Test
    void keysKnowsNoDomain() {
        noClasses().that().resideInAPackage("com.matchmaking.keys..")
                .should().dependOnClassesThat().resideInAnyPackage("com.matchmaking.schema..", "com.matchmaking.readmodels..",
                        "com.matchmaking.app..")
                .check(classes);
    }

    @Test
    void schemaDependsOnKeysOnly() {
        noClasses().that().resideInAPackage("com.matchmaking.schema..")
                .should().dependOnClassesThat().resideInAnyPackage("com.matchmaking.readmodels..", "com.matchmaking.app..")
                .check(classes);
    }

    @Test
    void readModelsNeverImportApp() {
        noClasses().that().resideInAPackage("com.matchmaking.readmodels..")
                .should().dependOnClassesThat().resideInAPackage("com.matchmaking.app..")
                .check(classes);
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String module : new String[] {"keys", "schema", "readmodels", "app"}) {
            org.assertj.core.api.Assertions.assertThat(classes.containPackage("com.matchmaking." + module))
                    .as(module).isTrue();
        }
    }
}
