package io.cqlp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.cqlp.session.Interpreter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layers of cqlp, checked over the compiled main classes: every dependency points down,
 * and no two top-level packages depend on each other (directly or through others).
 *
 * <p>The layers, top to bottom (the README's architecture section draws the same picture):
 *
 * <ol>
 *   <li><b>Entry</b> {@code cli}: the command line, start-up and shutdown.
 *   <li><b>Shell</b> {@code repl}, {@code session}: the prompt, the interpreter and its connection.
 *   <li><b>Configuration</b> {@code config}, {@code local}: cqlshrc and defaults, the local node.
 *   <li><b>Workflows</b> {@code transfer}, {@code capture}, {@code inspect}: COPY, CAPTURE, VERIFY,
 *       DESCRIBE FILE.
 *   <li><b>Formats</b> {@code format}, {@code output}: file formats and screen printers.
 *   <li><b>Rows</b> {@code rows}: the contracts formats implement (sink, source, schema of rows).
 *   <li><b>Foundation</b> {@code command}, {@code storage}, {@code types}, {@code tls}, {@code
 *       script}, {@code logging}, {@code wire}: parsed commands, local and object storage, value
 *       spelling, cqlp's own native-protocol connection.
 * </ol>
 *
 * <p>How it fails: add {@code import io.cqlp.transfer.CopyToWorkflow;} and a use of it to any class
 * of {@code io.cqlp.format} (Formats pointing up at Workflows), rebuild, and {@link
 * #layers_only_point_down()} fails naming the class and the dependency; {@link
 * #an_upward_dependency_is_caught()} shows the same rule failing on such a class in the test tree.
 */
class LayersTest {

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cqlp");
  }

  /** The layers, each accessed only by the layers above it. */
  static LayeredArchitecture layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Entry")
        .definedBy("io.cqlp.cli..")
        .layer("Shell")
        .definedBy("io.cqlp.repl..", "io.cqlp.session..")
        .layer("Configuration")
        .definedBy("io.cqlp.config..", "io.cqlp.local..")
        .layer("Workflows")
        .definedBy("io.cqlp.transfer..", "io.cqlp.capture..", "io.cqlp.inspect..")
        .layer("Formats")
        .definedBy("io.cqlp.format..", "io.cqlp.output..")
        .layer("Rows")
        .definedBy("io.cqlp.rows..")
        .layer("Foundation")
        .definedBy(
            "io.cqlp.command..",
            "io.cqlp.storage..",
            "io.cqlp.types..",
            "io.cqlp.tls..",
            "io.cqlp.script..",
            "io.cqlp.logging..",
            "io.cqlp.wire..")
        .whereLayer("Entry")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Shell")
        .mayOnlyBeAccessedByLayers("Entry")
        .whereLayer("Configuration")
        .mayOnlyBeAccessedByLayers("Entry", "Shell")
        .whereLayer("Workflows")
        .mayOnlyBeAccessedByLayers("Entry", "Shell", "Configuration")
        .whereLayer("Formats")
        .mayOnlyBeAccessedByLayers("Entry", "Shell", "Configuration", "Workflows")
        .whereLayer("Rows")
        .mayOnlyBeAccessedByLayers("Entry", "Shell", "Configuration", "Workflows", "Formats")
        .whereLayer("Foundation")
        .mayOnlyBeAccessedByLayers(
            "Entry", "Shell", "Configuration", "Workflows", "Formats", "Rows");
  }

  @Test
  void layers_only_point_down() {
    layers().check(main);
  }

  @Test
  void top_level_packages_are_free_of_cycles() {
    ArchRule rule = slices().matching("io.cqlp.(*)..").should().beFreeOfCycles();
    rule.check(main);
  }

  @Test
  void formats_reach_files_only_through_storage() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage("io.cqlp.format..", "io.cqlp.rows..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.nio.file.Files");
    rule.check(main);
  }

  /**
   * Bouncy Castle is off the shell's class path and loaded by {@code io.cqlp.tls.BouncyCastle}'s
   * own class loader, which also defines {@code io.cqlp.tls.bc}: a class elsewhere that named
   * either would fail to link in {@code bin/cqlp} with a NoClassDefFoundError.
   */
  @Test
  void only_the_tls_bc_package_uses_bouncy_castle_and_only_through_its_loader() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.cqlp.tls.bc..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.bouncycastle..", "io.cqlp.tls.bc..")
        .check(main);
  }

  @Test
  void an_upward_dependency_is_caught() throws ClassNotFoundException {
    JavaClasses withUpward =
        new ClassFileImporter()
            .importClasses(Class.forName("io.cqlp.format.UpwardImport"), Interpreter.class);
    assertThatThrownBy(() -> layers().withOptionalLayers(true).check(withUpward))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UpwardImport")
        .hasMessageContaining("io.cqlp.session.Interpreter");
  }
}
