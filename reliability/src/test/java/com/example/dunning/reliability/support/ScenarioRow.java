package com.example.dunning.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One row of the README's reliability table: printed to stdout and written to {@code
 * target/reliability/<scenario>.md}, so that the table can be filled from the last run.
 */
public record ScenarioRow(
    String scenario, String load, String faults, String counted, String result) {

  public static final Path DIRECTORY = Path.of("target", "reliability");

  public String markdown() {
    return "| " + String.join(" | ", scenario, load, faults, counted, result) + " |";
  }

  /**
   * @param file the file name without {@code .md}, e.g. {@code webhook-storm}
   */
  public void publish(String file) {
    String row = markdown();
    System.out.println("RELIABILITY " + row);
    try {
      Files.createDirectories(DIRECTORY);
      Files.writeString(DIRECTORY.resolve(file + ".md"), row + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
