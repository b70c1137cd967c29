package com.example.dunning.dev;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No package cycle anywhere under {@code com.example.dunning}: this module sees the main classes of
 * every other (the workflows module's own PackageRulesTest checks what each of its packages may
 * use).
 */
@AnalyzeClasses(
    packages = "com.example.dunning",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("com.example.dunning.(**)").should().beFreeOfCycles();
}
