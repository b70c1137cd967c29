package com.example.dunning.dev;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another main class in a JVM of its own, on the caller's class path: from the executable jar (its
 * launcher finds the nested jars) as from Maven's class path.
 */
public final class ChildJvm {

  private ChildJvm() {}

  /** Starts {@code mainClass} with its output, standard and error, written to {@code log}. */
  public static Process start(
      String mainClass, List<String> jvmOptions, List<String> arguments, Path log)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath));
    if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
      command.add("-Dloader.main=" + mainClass);
      command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
    } else {
      command.add(mainClass);
    }
    command.addAll(arguments);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Asks the JVM to stop (its shutdown hooks run), and kills it after 30 s. */
  public static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
