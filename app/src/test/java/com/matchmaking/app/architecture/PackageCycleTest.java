package com.matchmaking.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * No package cycles in any module: the feature packages of each ({@code com.matchmaking.<module>.<feature>..}) depend
 * on one another one way only. Where two features need each other, the lower one owns an interface the higher one
 * implements ({@code StartupSecret}, {@code StatedRetention}), and what every feature uses sits in a package of its own
 * ({@code auditedcommands}).
 */
class PackageCycleTest {

    /**
     * Production classes only: besides test-classes folders, the modules' test jars, which the full build puts on the
     * class path instead of the folders (their tests may use any package of their module).
     */
    private static final ImportOption PRODUCTION_CLASSES = location ->
            ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && !location.contains("-tests.jar");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(PRODUCTION_CLASSES).importPackages("com.matchmaking");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys", "schema", "readmodels", "app"})
    void theFeaturePackagesOfEachModuleAreFreeOfCycles(String module) {
        slices().matching("com.matchmaking." + module + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
