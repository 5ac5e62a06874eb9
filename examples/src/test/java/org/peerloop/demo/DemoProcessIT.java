package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code peerloop-demo.jar} as a user would: a separate process, the ready line, {@code
 * /health}, SIGTERM, and a restart on the same data folder that finds the data still there.
 */
class DemoProcessIT {
  private static final Duration START_LIMIT = Duration.ofSeconds(120);
  private static final Pattern READY = Pattern.compile("PeerLoop ready at (http://[^/\\s]+/)");
  private static final Pattern KID = Pattern.compile("\"kid\":\"([^\"]+)\"");

  @TempDir Path dataDir;
  private final List<Process> started = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void startsServesStopsOnSigtermAndKeepsDataAcrossRestart() throws Exception {
    int port = freePort();

    Running first = start(port);
    HttpResponse<String> health = get(first.url + "health");
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    String kid = onlyKid(get(first.url + "lti/jwks").body());
    stopWithSigterm(first);

    assertRestartKeepsKey(port, kid);
  }

  @Test
  void recoversItsDatabaseAfterBeingKilled() throws Exception {
    int port = freePort();
    Running first = start(port);
    String kid = onlyKid(get(first.url + "lti/jwks").body());

    first.process.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
    assertTrue(first.process.waitFor(30, TimeUnit.SECONDS));

    assertRestartKeepsKey(port, kid);
  }

  @Test
  void refusesABusyPortWithAClearMessage() throws Exception {
    try (ServerSocket busy = new ServerSocket(0)) {
      Process process = launch(busy.getLocalPort());
      assertTrue(process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS));
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertNotEquals(0, process.exitValue());
      assertTrue(output.contains("port " + busy.getLocalPort() + " is in use"), output);
    }
  }

  @Test
  void namesEveryMalformedSettingAndExits() throws Exception {
    ProcessBuilder builder = builder(1);
    builder.environment().put("PEERLOOP_HTTP_PORT", "eighty");
    builder.environment().put("PEERLOOP_BASE_URL", "ftp://x");
    Process process = builder.start();
    started.add(process);

    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.exitValue());
    assertTrue(output.contains("PEERLOOP_HTTP_PORT"), output);
    assertTrue(output.contains("PEERLOOP_BASE_URL"), output);
  }

  /** Starts again on the same data folder: healthy, and the signing key made before is kept. */
  private void assertRestartKeepsKey(int port, String kid) throws Exception {
    Running again = start(port);
    assertEquals(200, get(again.url + "health").statusCode());
    assertEquals(kid, onlyKid(get(again.url + "lti/jwks").body()), "the data survived");
    stopWithSigterm(again);
  }

  private record Running(Process process, String url, Path log, Thread reader) {}

  private Running start(int port) throws Exception {
    Process process = launch(port);
    Path log = Files.createTempFile(dataDir.getParent(), "demo-", ".log");
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  Files.writeString(
                      log, line + System.lineSeparator(), java.nio.file.StandardOpenOption.APPEND);
                  Matcher m = READY.matcher(line);
                  if (m.find()) {
                    ready.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              ready.completeExceptionally(new IllegalStateException("exited before ready"));
            });
    reader.setDaemon(true);
    reader.start();
    try {
      String url = ready.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals("http://127.0.0.1:" + port + "/", url);
      return new Running(process, url, log, reader);
    } catch (Exception e) {
      throw new AssertionError("demo did not print its ready line:\n" + Files.readString(log), e);
    }
  }

  private void stopWithSigterm(Running running) throws Exception {
    // SIGTERM on POSIX; through the handle, because Process.destroy() also closes the output pipe.
    running.process.toHandle().destroy();
    assertTrue(running.process.waitFor(60, TimeUnit.SECONDS), "stops within a minute");
    // The JVM exits with 143 (128 + SIGTERM) after running its shutdown hooks.
    assertEquals(143, running.process.exitValue());
    running.reader.join(Duration.ofSeconds(10).toMillis());
    String log = Files.readString(running.log);
    assertTrue(log.contains("PeerLoop stopped"), "shutdown hook ran:\n" + log);
  }

  private Process launch(int port) throws IOException {
    Process process = builder(port).start();
    started.add(process);
    return process;
  }

  private ProcessBuilder builder(int port) {
    String jar = System.getProperty("peerloop.demo.jar", "target/peerloop-demo.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar);
    builder.environment().put("PEERLOOP_HTTP_PORT", String.valueOf(port));
    builder.environment().put("PEERLOOP_DATA_DIR", dataDir.toString());
    builder.environment().remove("PEERLOOP_BASE_URL");
    builder.redirectErrorStream(true);
    return builder;
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String onlyKid(String jwks) {
    Matcher m = KID.matcher(jwks);
    assertTrue(m.find(), jwks);
    return m.group(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
