package dev.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package-by-feature boundaries of docs/architecture.md: no cycles between features, no feature
 * reaching into another's {@code internal} package (the composition root {@code app} excepted),
 * and each library confined to the feature that owns it.
 */
class ArchitectureTest {
  private static final List<String> FEATURES = List.of("store", "vault", "account", "provider",
      "credential", "web", "error", "upstream", "tool", "audit", "bundle", "mcp", "sql", "authserver");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.switchboard");
  }

  @Test
  void featuresHaveNoCycles() {
    slices().matching("dev.switchboard.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void noFeatureReachesIntoAnotherFeaturesInternals() {
    for (String owner : FEATURES) {
      ArchRule rule = noClasses().that().resideOutsideOfPackages(
              "dev.switchboard." + owner + "..", "dev.switchboard.app..")
          .should().dependOnClassesThat().resideInAPackage("dev.switchboard." + owner + ".internal..");
      rule.check(classes);
    }
  }

  @Test
  void onlyWebImportsJavalin() {
    confined("io.javalin..", "dev.switchboard.web..");
  }

  @Test
  void onlyVaultImportsJavaxCrypto() {
    confined("javax.crypto..", "dev.switchboard.vault..");
  }

  @Test
  void onlyAppImportsPicocli() {
    confined("picocli..", "dev.switchboard.app..");
  }

  @Test
  void onlyStoreImportsFlywayAndOnlyStoreAndThePostgresToolsImportHikari() {
    confined("org.flywaydb..", "dev.switchboard.store..");
    // The built-in SQL tools keep their own small pools per credential.
    confined("com.zaxxer..", "dev.switchboard.store..", "dev.switchboard.sql..");
  }

  @Test
  void onlyTheSqlToolsUseTheDriversDirectly() {
    confined("org.postgresql..", "dev.switchboard.sql..", "dev.switchboard.store..");
    confined("org.mariadb..", "dev.switchboard.sql.internal..");
  }

  @Test
  void onlyTheSigV4SignerImportsTheAwsSdk() {
    confined("software.amazon..", "dev.switchboard.upstream.aws..");
  }

  @Test
  void onlyUpstreamMakesOutboundHttpCalls() {
    confined("org.eclipse.jetty.client..", "dev.switchboard.upstream..");
    confined("java.net.http..", "dev.switchboard.upstream..");
  }

  @Test
  void onlyTheOpenApiImportTouchesSwaggerAndJackson2() {
    confined("io.swagger..", "dev.switchboard.tool.internal..");
    confined("com.fasterxml.jackson.databind..", "dev.switchboard.tool.internal..");
    confined("com.fasterxml.jackson.core..", "dev.switchboard.tool.internal..");
  }

  @Test
  void onlyAuditImportsMicrometer() {
    confined("io.micrometer..", "dev.switchboard.audit..");
  }

  @Test
  void onlyAccountImportsBcrypt() {
    confined("at.favre..", "dev.switchboard.account..");
  }

  @Test
  void sqlStaysOutOfTheEdgeTheVaultAndTheCatalog() {
    noClasses().that().resideInAnyPackage("dev.switchboard.web..", "dev.switchboard.vault..",
            "dev.switchboard.provider..", "dev.switchboard.error..")
        .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..")
        .check(classes);
  }

  private static void confined(String library, String... owners) {
    noClasses().that().resideOutsideOfPackages(owners)
        .should().dependOnClassesThat().resideInAPackage(library)
        .check(classes);
  }
}
