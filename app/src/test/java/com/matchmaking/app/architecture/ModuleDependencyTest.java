package com.matchmaking.app.architecture;

import com.matchmaking.app.support.ProductionClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module rule of DESIGN.md: keys knows no domain; schema knows only keys; read-models never imports app. */
class ModuleDependencyTest {

    @Test
    void keysKnowsNoDomain() {
        noClasses().that().resideInAPackage("com.matchmaking.keys..")
                .should().dependOnClassesThat().resideInAnyPackage("com.matchmaking.schema..", "com.matchmaking.readmodels..",
                        "com.matchmaking.app..")
                .check(ProductionClasses.all());
    }

    @Test
    void schemaDependsOnKeysOnly() {
        noClasses().that().resideInAPackage("com.matchmaking.schema..")
                .should().dependOnClassesThat().resideInAnyPackage("com.matchmaking.readmodels..", "com.matchmaking.app..")
                .check(ProductionClasses.all());
    }

    @Test
    void readModelsNeverImportApp() {
        noClasses().that().resideInAPackage("com.matchmaking.readmodels..")
                .should().dependOnClassesThat().resideInAPackage("com.matchmaking.app..")
                .check(ProductionClasses.all());
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String module : new String[] {"keys", "schema", "readmodels", "app"}) {
            org.assertj.core.api.Assertions.assertThat(ProductionClasses.all().containPackage("com.matchmaking." + module))
                    .as(module).isTrue();
        }
    }
}
