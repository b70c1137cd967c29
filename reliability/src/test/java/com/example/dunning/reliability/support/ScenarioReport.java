package com.example.dunning.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One scenario's result as one line: printed, and written as a row of the reliability table
 * (docs/reliability.md) to {@code target/reliability/<scenario>.md}.
 */
public record ScenarioReport(
    String scenario, String load, String faults, String counted, String result) {

  private static final Path REPORTS = Path.of("target", "reliability");

  public String row() {
    return "| %s | %s | %s | %s | %s |"
        .formatted(cell(scenario), cell(load), cell(faults), cell(counted), cell(result));
  }

  /** Prints the row and writes it to its file. */
  public ScenarioReport publish() {
    System.out.println("RELIABILITY " + row());
    try {
      Files.createDirectories(REPORTS);
      Files.writeString(REPORTS.resolve(scenario + ".md"), row() + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace('\n', ' ');
  }
}
