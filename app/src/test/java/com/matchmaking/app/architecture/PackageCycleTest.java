package com.matchmaking.app.architecture;

import com.matchmaking.app.support.ProductionClasses;
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

    @ParameterizedTest
    @ValueSource(strings = {"keys", "schema", "readmodels", "app"})
    void theFeaturePackagesOfEachModuleAreFreeOfCycles(String module) {
        slices().matching("com.matchmaking." + module + ".(*)..").should().beFreeOfCycles().check(ProductionClasses.all());
    }
}
