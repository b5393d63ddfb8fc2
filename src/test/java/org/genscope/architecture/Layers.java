package org.genscope.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Genscope's package graph, written once as data, and the ArchUnit rules that enforce it below a root package
 * ({@code org.genscope} for the product, a fixture package for the test that the rules can fail). Dependencies
 * point down only: a package may use itself, the packages listed for it, and the top-level {@code Genscope} class
 * (the product's name and version, which itself uses nothing of ours). Adding a package is one line of
 * {@link #MAY_USE} (and, for a workspace, one entry of {@link #UI_FEATURES}).
 */
final class Layers {
    /** The top level ({@code ""}: Launcher, Genscope) and each top-level package → the packages it may use. */
    static final Map<String, Set<String>> MAY_USE = table(
            "nn", Set.of(),
            "data", Set.of("nn"),
            "io", Set.of("nn"),
            "train", Set.of("nn", "io", "data"),
            "made", Set.of("nn", "data", "io", "train"),
            "flow", Set.of("nn", "data", "io", "train", "made"),        // MAF and IAF are MADEs
            "vae", Set.of("nn", "data", "io", "train"),
            "wta", Set.of("nn", "data", "io", "train"),
            "compare", Set.of("nn", "data", "io", "train", "made", "flow", "vae", "wta"),   // one leaderboard
            "session", Set.of("nn", "io", "data"),
            "cli", Set.of("nn", "data", "io", "train", "made", "flow", "vae", "wta", "compare"),
            // ui names runs as command lines with the cli's own options (Copy as command: cli.TrainCommand/TrainSetup)
            "ui", Set.of("nn", "data", "io", "train", "made", "flow", "vae", "wta", "compare", "session", "cli"),
            "", Set.of("cli", "ui"));

    /** The ui packages that are workspaces (features) … */
    static final Set<String> UI_FEATURES = Set.of("home", "made", "flow", "vae", "wta", "compare");
    /** … and the shared ui packages that must not name any of them (the shell finds workspaces by registration). */
    static final List<String> UI_SHARED = List.of("shell", "common");

    /**
     * The classes of the top level every package may use: the product's name and version, the quoting of values
     * in messages and the plain printing of numbers. They use nothing of ours themselves.
     */
    static final List<String> SHARED_CLASSES = List.of("Genscope", "Quoted", "PlainNumber");

    private Layers() {}

    private static Map<String, Set<String>> table(Object... pairs) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<String> uses = (Set<String>) pairs[i + 1];
            m.put((String) pairs[i], uses);
        }
        return m;
    }

    /** {@code root.pkg..}, or exactly {@code root} for the top level. */
    private static String pattern(String root, String pkg) {
        return pkg.isEmpty() ? root : root + "." + pkg + "..";
    }

    /** Classes of {@code pkg} use nothing of ours but {@code pkg}, the packages {@link #MAY_USE} lists, and Genscope. */
    static ArchRule mayUseOnly(String root, String pkg) {
        DescribedPredicate<JavaClass> allowed = resideOutsideOfPackage(root + "..")
                .or(resideInAPackage(pattern(root, pkg)))
                .or(shared(root));
        for (String other : MAY_USE.get(pkg)) allowed = allowed.or(resideInAPackage(pattern(root, other)));
        return classes().that().resideInAPackage(pattern(root, pkg))
                .should().onlyDependOnClassesThat(allowed.as("reside in " + pkg + " or in " + MAY_USE.get(pkg)))
                .allowEmptyShould(true);                               // wta: not written yet
    }

    /** Every class lives in a package of the table, so a new package cannot slip past the rules. */
    static ArchRule everyPackageIsInTheTable(String root) {
        String[] known = MAY_USE.keySet().stream().map(p -> pattern(root, p)).toArray(String[]::new);
        return classes().should().resideInAnyPackage(known);
    }

    /** The shared top-level classes, which every package may use, use nothing of ours themselves. */
    static ArchRule sharedClassUsesNothingOfOurs(String root) {
        return classes().that(shared(root))
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(root + "..").or(shared(root)))
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> shared(String root) {
        DescribedPredicate<JavaClass> p = DescribedPredicate.alwaysFalse();
        for (String c : SHARED_CLASSES) p = p.or(name(root + "." + c));
        return p.as("one of " + SHARED_CLASSES);
    }

    /** No cycles between the top-level packages (each {@code root.X..} one slice). */
    static ArchRule noCyclesBetweenPackages(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** Only {@code ui} touches JavaFX: models, engine, data, io, train and cli run headless. */
    static ArchRule javafxOnlyInUi(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..");
    }

    /** The shared ui package {@code shared} (shell, common) names no workspace package. */
    static ArchRule sharedUiUsesNoWorkspace(String root, String shared) {
        String[] features = UI_FEATURES.stream().map(f -> root + ".ui." + f + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + ".ui." + shared + "..")
                .should().dependOnClassesThat(resideInAnyPackage(features).as("reside in a workspace package " + UI_FEATURES))
                .allowEmptyShould(true);
    }

    /** No cycles between the ui packages (each {@code root.ui.X..} one slice). */
    static ArchRule noCyclesBetweenUiPackages(String root) {
        return slices().matching(root + ".ui.(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }
}
