package com.example.dunning.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The packages of this module and what each may use (docs/architecture.md, "Packages"): the
 * vocabulary ({@code policy}, {@code model}) uses nothing of ours, the activity contracts use only
 * the vocabulary, each workflow uses the activities but not the others (the dunning may use the
 * customer's coordinator, never the reverse), and the client-side helpers reach into the workflows'
 * contracts.
 */
@AnalyzeClasses(
    packages = "com.example.dunning",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PackageRulesTest {

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("com.example.dunning.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule eachPackageUsesOnlyTheOnesBelowIt =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("client")
          .definedBy("com.example.dunning.workflows.client..")
          .layer("dunning")
          .definedBy("com.example.dunning.workflows.dunning..")
          .layer("reconciliation")
          .definedBy("com.example.dunning.workflows.reconciliation..")
          .layer("conversation")
          .definedBy("com.example.dunning.workflows.conversation..")
          .layer("activities")
          .definedBy("com.example.dunning.workflows.activities..")
          .layer("model")
          .definedBy("com.example.dunning.workflows.model..")
          .layer("policy")
          .definedBy("com.example.dunning.workflows.policy..")
          .whereLayer("client")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("dunning")
          .mayOnlyBeAccessedByLayers("client")
          .whereLayer("reconciliation")
          .mayOnlyBeAccessedByLayers("client")
          .whereLayer("conversation")
          .mayOnlyBeAccessedByLayers("client", "dunning")
          .whereLayer("activities")
          .mayOnlyBeAccessedByLayers("dunning", "reconciliation", "conversation")
          .whereLayer("model")
          .mayOnlyBeAccessedByLayers(
              "activities", "dunning", "reconciliation", "conversation", "client")
          .whereLayer("policy")
          .mayOnlyBeAccessedByLayers(
              "model", "activities", "dunning", "reconciliation", "conversation", "client");

  /** Workflow code reads time and randomness from Temporal, so that it replays alike. */
  @ArchTest
  static final ArchRule workflowsReadTimeAndRandomnessFromTemporal =
      noClasses()
          .that()
          .resideInAnyPackage(
              "com.example.dunning.workflows.dunning..",
              "com.example.dunning.workflows.reconciliation..",
              "com.example.dunning.workflows.conversation..")
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDateTime.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(UUID.class, "randomUUID")
          .orShould()
          .callMethod(Thread.class, "sleep", long.class);
}
