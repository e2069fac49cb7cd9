package chainrule.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Data flows one way (DESIGN.md, README "Design"): a package may use the stages before it, never
 * one after it. source and expr are the vocabulary every stage shares; claim spells its messages
 * through expr.Spelling, so render (which writes claims' verdicts) can come after it; cli is the
 * entry point and starts the REPL and the server, which never use each other or cli.
 */
class StageOrderTest {
    static final List<String> STAGES = List.of(
            "source", "expr", "grammar", "parse", "shape", "diff", "simplify", "eval", "claim", "render",
            "codegen", "app", "repl", "serve", "cli");

    /** The compiled main classes only (scanning the whole class path for the package takes long). */
    private static final JavaClasses CLASSES = importMain();

    private static JavaClasses importMain() {
        // the rules look only at chainrule's own classes: resolving every library class they touch takes long
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes"));
    }

    @TestFactory
    Stream<DynamicTest> noStageUsesALaterOne() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < STAGES.size(); i++) {
            String stage = STAGES.get(i);
            String[] later = STAGES.subList(i + 1, STAGES.size()).stream().map(s -> "chainrule." + s + "..").toArray(String[]::new);
            if (later.length == 0) continue;
            tests.add(DynamicTest.dynamicTest(stage + " uses no later stage", () -> noClasses()
                    .that().resideInAPackage("chainrule." + stage + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later)
                    .allowEmptyShould(true)
                    .check(CLASSES)));
        }
        return tests.stream();
    }

    @Test
    void theReplAndTheServerAreSiblings() {
        noClasses().that().resideInAPackage("chainrule.serve..")
                .should().dependOnClassesThat().resideInAPackage("chainrule.repl..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void onlyParseReadsTheGeneratedParser() {
        noClasses().that().resideOutsideOfPackages("chainrule.parse..", "chainrule.grammar..")
                .should().dependOnClassesThat().resideInAPackage("chainrule.grammar..")
                .check(CLASSES);
    }

    /** A new package must be given its place in the order above. */
    @Test
    void everyPackageHasAPlace() {
        TreeSet<String> unplaced = new TreeSet<>();
        CLASSES.forEach(c -> {
            String pkg = c.getPackageName();
            if (!pkg.startsWith("chainrule.")) return;
            String stage = pkg.substring("chainrule.".length()).split("\\.")[0];
            if (!STAGES.contains(stage)) unplaced.add(stage);
        });
        assertEquals(new TreeSet<String>(), unplaced, "packages with no place in StageOrderTest.STAGES");
    }
}
