package org.ctmon.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.ctmon.store.SqlName;
import org.ctmon.store.ingest.AttachedWrites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of DESIGN.md and STYLE.md: parser imports nothing of ours; store imports only
 * parser; fetcher and alerts import parser and store but never each other; testlog imports only
 * parser; only web wires everything. Maven's dependencies already forbid most back-arrows; this
 * guards the ones Maven cannot see (fetcher and alerts side by side), package cycles within a
 * module, and any future shortcut.
 */
final class ModuleArrowsTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // Test-jars (the parser's Openssl, Corpus, benchmarks) are tests too, packaged by verify.
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("org.ctmon");
  }

  @Test
  void importSeesEveryBuiltModuleSoTheRulesBelowAreNotVacuous() {
    // If the classpath lost a module, every rule would pass on nothing.
    assertTrue(classes.contain("org.ctmon.parser.Sha256"), "parser classes imported");
    assertTrue(classes.contain("org.ctmon.web.Ctmon"), "web classes imported");
  }

  /** Modules point one way: no two modules use each other, directly or round a loop. */
  @Test
  void modulesHaveNoCycles() {
    slices().matching("org.ctmon.(*)..").should().beFreeOfCycles()
        .because("a cycle between modules makes them one room").check(classes);
  }

  /**
   * Packages point one way, in every module, a module's root package included: no two packages use
   * each other, directly or round a loop.
   */
  @Test
  void packagesHaveNoCycles() {
    slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles()
        .because("a package cycle makes its packages one room").check(classes);
  }

  /** One slice per package: {@code org.ctmon.web} and {@code org.ctmon.web.account} are two. */
  private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return SliceIdentifier.of(javaClass.getPackageName());
    }

    @Override
    public String getDescription() {
      return "each package of org.ctmon";
    }
  };

  /**
   * The store's port for rows written in an ingest transaction is implemented by alerts' DAO
   * package only, and alerts' words (watch, outbox) never reach for the database.
   */
  @Test
  void alertsOwnTheirWordsAndImplementTheStoresPort() {
    classes().that().implement(AttachedWrites.class).and().resideOutsideOfPackage("org.ctmon.store..")
        .should().resideInAPackage("org.ctmon.alerts.stored")
        .check(classes);
    noClasses().that().resideInAnyPackage("org.ctmon.alerts.watch", "org.ctmon.alerts.outbox")
        .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "org.ctmon.alerts.stored..")
        .check(classes);
  }

  /**
   * The command line ({@code org.ctmon.web}: {@code Ctmon} lists {@code ServeCommand}) points at the
   * running server, never back. {@link #packagesHaveNoCycles} forbids it too; this rule names the
   * arrow, so its failure says which one.
   */
  @Test
  void theRunningServerNeverUsesTheCommandLineRoot() {
    noClasses().that().resideInAPackage("org.ctmon.web.serve..")
        .should().dependOnClassesThat().resideInAPackage("org.ctmon.web")
        .because("web lists web.serve's command; a way back makes the two one room")
        .check(classes);
  }

  /** A stored enum maps to its column's words through {@link SqlName}, never a hand-written copy of it. */
  @Test
  void everyStoredEnumUsesTheOneSqlMapping() {
    methods().that().haveName("sqlName").should().beDeclaredIn(SqlName.class)
        .because("one enum-to-SQL mapping: a stored enum implements store.SqlName").check(classes);
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
