package com.example.dunning.api.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, for the dashboard's browser tests.
 * Without them installed the tests are skipped, unless {@code DUNNING_BROWSER_TESTS=required} (as
 * CI sets it), which makes a missing browser a failure.
 */
final class Chromium {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** Skips the calling test class, or fails it when the browser tests are required. */
  static void assumeInstalled() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    String message =
        "the dashboard's browser test needs Debian's chromium and chromium-driver ("
            + BROWSER
            + ", "
            + DRIVER
            + "): apt-get install -y chromium chromium-driver";
    if ("required".equals(System.getenv("DUNNING_BROWSER_TESTS"))) {
      fail(message + " (DUNNING_BROWSER_TESTS=required)");
    }
    Assumptions.abort(message);
  }

  /** A fresh headless browser with its own profile directory, deleted by the caller's cleanup. */
  static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  static Path newProfile() {
    try {
      return Files.createTempDirectory("dashboard-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
