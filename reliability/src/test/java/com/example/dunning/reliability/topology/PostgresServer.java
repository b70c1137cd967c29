package com.example.dunning.reliability.topology;

import com.example.dunning.dev.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A throwaway cluster of the machine's PostgreSQL server (Debian's {@code postgresql} package,
 * {@code /usr/lib/postgresql/<version>/bin}): {@code initdb} on a temporary data directory, {@code
 * pg_ctl} on a free port of 127.0.0.1, one role and one empty database for the service; stopped and
 * deleted on {@link #close()}. PostgreSQL refuses to run as root, so as root its programs run as
 * the {@code postgres} user, with their sockets in the cluster's own directory.
 */
final class PostgresServer implements AutoCloseable {

  private static final Path INSTALLED = Path.of("/usr/lib/postgresql");
  private static final String SUPERUSER = "postgres";
  private static final String SUPERUSER_PASSWORD = "topology-admin";

  final int port;
  final String database;
  final String user;
  final String password;
  final JdbcTemplate admin;
  private final Path bin;
  private final Path home;
  private final Path data;
  private final boolean asPostgresUser;

  private PostgresServer(Path bin, Path home, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.home = home;
    this.data = home.resolve("data");
    this.port = port;
    this.asPostgresUser = asPostgresUser;
    this.database = "dunning";
    this.user = "dunning";
    this.password = "dunning-topology";
    this.admin =
        new JdbcTemplate(
            new DriverManagerDataSource(jdbcUrl("postgres"), SUPERUSER, SUPERUSER_PASSWORD));
  }

  /**
   * Starts a new cluster with an empty database for the service. Without the server's binaries the
   * test fails in CI (env {@code CI=true}, where {@code .ci/run} installs them) and is skipped
   * elsewhere.
   */
  static PostgresServer start() throws Exception {
    Optional<Path> bin = installedBin();
    if (bin.isEmpty()) {
      String missing =
          "no PostgreSQL server binaries under "
              + INSTALLED
              + "/<version>/bin (Debian: apt-get install postgresql)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(missing);
      }
      throw new TestAbortedException(missing);
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path home = Files.createTempDirectory("dunning-topology-postgres");
    PostgresServer server = new PostgresServer(bin.get(), home, FreePorts.one(), root);
    try {
      server.initAndStart();
      server.admin.execute(
          "CREATE ROLE %s LOGIN PASSWORD '%s'".formatted(server.user, server.password));
      server.admin.execute("CREATE DATABASE %s OWNER %s".formatted(server.database, server.user));
      return server;
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  /** The newest version's {@code bin}, if one has {@code initdb}. */
  private static Optional<Path> installedBin() throws IOException {
    if (!Files.isDirectory(INSTALLED)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(INSTALLED)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.comparing(bin -> versionOf(bin)));
    }
  }

  private static int versionOf(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void initAndStart() throws IOException {
    Path socket = Files.createDirectories(home.resolve("socket"));
    Path passwordFile = Files.writeString(home.resolve("superuser-password"), SUPERUSER_PASSWORD);
    if (asPostgresUser) {
      UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
      for (Path path : List.of(home, socket, passwordFile)) {
        Files.setOwner(path, users.lookupPrincipalByName(SUPERUSER));
      }
    }
    run(
        "initdb",
        "-D",
        data.toString(),
        "-U",
        SUPERUSER,
        "--pwfile=" + passwordFile,
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        "-E",
        "UTF8",
        "--no-sync");
    run(
        "pg_ctl",
        "-D",
        data.toString(),
        "-l",
        home.resolve("server.log").toString(),
        "-o",
        "-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories=%s -c fsync=off"
            .formatted(port, socket),
        "-w",
        "-t",
        "120",
        "start");
  }

  String jdbcUrl(String databaseName) {
    return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, databaseName);
  }

  /** A connection to the service's database, as its owner. */
  JdbcTemplate service() {
    return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(database), user, password));
  }

  private void run(String program, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(arguments));
    Path log = home.resolve(program + ".out");
    Process process =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean exited;
    try {
      exited = process.waitFor(3, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exited = false;
    }
    if (!exited || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " failed:\n" + Files.readString(log));
    }
  }

  /** Stops the server (fast: open connections are ended) and deletes its directory. */
  @Override
  public void close() throws IOException {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
      }
    } finally {
      try (Stream<Path> all = Files.walk(home)) {
        for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
