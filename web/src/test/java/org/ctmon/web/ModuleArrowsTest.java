package org.ctmon.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of DESIGN.md and STYLE.md: parser imports nothing of ours; store imports only
 * parser; fetcher and alerts import parser and store but never each other; testlog imports only
 * parser; only web wires everything. Maven's dependencies already forbid most back-arrows; this
 * guards the ones Maven cannot see (fetcher and alerts side by side) and any future shortcut.
 */
final class ModuleArrowsTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.ctmon");
  }

  @Test
  void importSeesEveryBuiltModuleSoTheRulesBelowAreNotVacuous() {
    // If the classpath lost a module, every rule would pass on nothing.
    org.junit.jupiter.api.Assertions.assertTrue(classes.contain("org.ctmon.parser.Sha256"), "parser classes imported");
    org.junit.jupiter.api.Assertions.assertTrue(classes.contain("org.ctmon.web.Ctmon"), "web classes imported");
  }

  /**
   * Within parser, store, fetcher, alerts and testlog, packages point one way: no two packages of
   * a module use each other, directly or round a loop.
   */
  @Test
  void packagesOfTheCoreModulesHaveNoCycles() {
    for (String module : java.util.List.of("parser", "store", "fetcher", "alerts", "testlog")) {
      slices().matching("org.ctmon." + module + ".(*)..").should().beFreeOfCycles()
          .because("a package cycle in " + module + " makes its packages one room").check(classes);
    }
  }

  /**
   * The command line ({@code org.ctmon.web}: {@code Ctmon} lists {@code ServeCommand}) points at the
   * running server, never back: the slices above do not see the root package, so this is its own rule.
   */
  @Test
  void theRunningServerNeverUsesTheCommandLineRoot() {
    noClasses().that().resideInAPackage("org.ctmon.web.serve..")
        .should().dependOnClassesThat().resideInAPackage("org.ctmon.web")
        .because("web lists web.serve's command; a way back makes the two one room")
        .check(classes);
  }

  @Test
  void parserDependsOnNoOtherModule() {
    noClasses().that().resideInAPackage("org.ctmon.parser..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.ctmon.store..", "org.ctmon.fetcher..", "org.ctmon.alerts..", "org.ctmon.web..", "org.ctmon.testlog..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void storeDependsOnlyOnParser() {
    noClasses().that().resideInAPackage("org.ctmon.store..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.ctmon.fetcher..", "org.ctmon.alerts..", "org.ctmon.web..", "org.ctmon.testlog..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void fetcherNeverUsesAlertsWebOrTestlog() {
    noClasses().that().resideInAPackage("org.ctmon.fetcher..")
        .should().dependOnClassesThat().resideInAnyPackage("org.ctmon.alerts..", "org.ctmon.web..", "org.ctmon.testlog..")
        .allowEmptyShould(true)
        .check(classes);
  }

  /**
   * The follower owns its storage contract ({@code fetcher.follow.LogJournal}); one adapter
   * implements it over the store, so only its package may import the store.
   */
  @Test
  void onlyTheFetchersStorageAdapterUsesTheStore() {
    noClasses().that().resideInAPackage("org.ctmon.fetcher..")
        .and().resideOutsideOfPackage("org.ctmon.fetcher.stored..")
        .should().dependOnClassesThat().resideInAPackage("org.ctmon.store..")
        .because("the follower states what it needs from storage in LogJournal; fetcher.stored implements it")
        .check(classes);
  }

  @Test
  void alertsNeverUsesFetcherWebOrTestlog() {
    noClasses().that().resideInAPackage("org.ctmon.alerts..")
        .should().dependOnClassesThat().resideInAnyPackage("org.ctmon.fetcher..", "org.ctmon.web..", "org.ctmon.testlog..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void testlogUsesOnlyParser() {
    noClasses().that().resideInAPackage("org.ctmon.testlog..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.ctmon.store..", "org.ctmon.fetcher..", "org.ctmon.alerts..", "org.ctmon.web..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
