package org.genscope.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layering of {@link Layers}, enforced on the compiled classes with ArchUnit (as JabRef's
 * {@code MainArchitectureTests} does): bytecode sees every use, imported or fully qualified. The same rules run
 * against {@code fixture}, which breaks each of them on purpose, so a rule that could not fail would show here.
 */
class LayeringTest {
    private static final String ROOT = "org.genscope";
    private static final String FIXTURE = "org.genscope.architecture.fixture";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    // ---- the product ----

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        List<String> reports = new ArrayList<>();
        for (String pkg : Layers.MAY_USE.keySet()) {
            EvaluationResult r = Layers.mayUseOnly(ROOT, pkg).evaluate(MAIN);
            if (r.hasViolation()) reports.add(r.getFailureReport().toString());
        }
        assertTrue(reports.isEmpty(), String.join("\n", reports));
    }

    @Test
    void everyPackageIsInTheTable() {
        Layers.everyPackageIsInTheTable(ROOT).check(MAIN);
        Layers.sharedClassUsesNothingOfOurs(ROOT).check(MAIN);
    }

    @Test
    void noCyclesBetweenPackages() {
        Layers.noCyclesBetweenPackages(ROOT).check(MAIN);
    }

    @Test
    void onlyUiTouchesJavafx() {
        Layers.javafxOnlyInUi(ROOT).check(MAIN);
    }

    @Test
    void uiCommonNamesNoWorkspace() {
        Layers.sharedUiUsesNoWorkspace(ROOT, "common").check(MAIN);
    }

    @Test
    void uiShellNamesNoWorkspace() {
        Layers.sharedUiUsesNoWorkspace(ROOT, "shell").check(MAIN);
    }

    @Test
    void noCyclesBetweenUiPackages() {
        Layers.noCyclesBetweenUiPackages(ROOT).check(MAIN);
    }

    @Test
    void theImportSeesEveryPackageAndTheUiUsesJavafx() {
        // guards the guard: rules over an empty or partial import would pass vacuously
        Set<String> packages = MAIN.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        for (String p : List.of("nn", "data", "io", "train", "made", "flow", "cli", "ui", "ui.shell", "ui.common")) {
            assertTrue(packages.contains(ROOT + "." + p), "no classes imported from " + p + ": " + packages);
        }
        assertTrue(packages.contains(ROOT), "the top level (Launcher, Genscope)");
        assertFalse(packages.stream().anyMatch(p -> p.startsWith(FIXTURE)), "test classes stay out of the product's import");
        assertTrue(MAIN.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + ".ui")
                && c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getPackageName().startsWith("javafx."))),
                "expected JavaFX uses under ui");
    }

    // ---- the same rules, broken on purpose ----

    @Test
    void aPackageUsingOneAboveItIsReportedEvenByFullyQualifiedName() {
        assertViolation(Layers.mayUseOnly(FIXTURE, "nn"), "fixture.nn.Tensor", "fixture.made.Model");
        assertNoViolation(Layers.mayUseOnly(FIXTURE, "made"));
        assertNoViolation(Layers.mayUseOnly(FIXTURE, "flow"));               // flow may use made
    }

    @Test
    void aCycleBetweenPackagesIsReported() {
        assertViolation(Layers.noCyclesBetweenPackages(FIXTURE), "nn", "made");
    }

    @Test
    void javafxOutsideUiIsReported() {
        assertViolation(Layers.javafxOnlyInUi(FIXTURE), "fixture.train.FxListener", "javafx.beans.property");
    }

    @Test
    void aSharedUiPackageNamingAWorkspaceIsReportedAndSoIsTheCycle() {
        assertViolation(Layers.sharedUiUsesNoWorkspace(FIXTURE, "shell"), "fixture.ui.shell.Shell", "fixture.ui.made.MadeView");
        assertViolation(Layers.noCyclesBetweenUiPackages(FIXTURE), "shell", "made");
        assertNoViolation(Layers.sharedUiUsesNoWorkspace(FIXTURE, "common"));
    }

    private static void assertViolation(ArchRule rule, String... mentioned) {
        EvaluationResult r = rule.evaluate(BROKEN);
        assertTrue(r.hasViolation(), "the broken fixture should violate: " + rule.getDescription());
        String report = r.getFailureReport().toString();
        for (String m : mentioned) assertTrue(report.contains(m), "report should name " + m + ":\n" + report);
    }

    private static void assertNoViolation(ArchRule rule) {
        EvaluationResult r = rule.evaluate(BROKEN);
        assertFalse(r.hasViolation(), r.getFailureReport().toString());
    }
}
