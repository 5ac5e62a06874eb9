package org.peerloop.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A PeerLoop node as IT runs one: {@code peerloop-demo.jar} in a process of its own with the
 * settings given, its output kept in a log file, started once it prints its ready line.
 */
public final class DemoNode {
  static final Duration START_LIMIT = Duration.ofSeconds(180);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  final Process process;
  final Path log;

  private DemoNode(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts a node with these settings (environment variables) and waits until it is ready. */
  public static DemoNode start(Map<String, String> settings, Path log) throws Exception {
    String jar = System.getProperty("peerloop.demo.jar", "target/peerloop-demo.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-jar", jar);
    builder.environment().remove("PEERLOOP_BASE_URL");
    builder.environment().putAll(settings);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  Files.writeString(
                      log,
                      line + System.lineSeparator(),
                      StandardOpenOption.CREATE,
                      StandardOpenOption.APPEND);
                  if (line.startsWith(DemoLauncher.READY)) {
                    ready.complete(null);
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
      ready.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError(
          "the node did not start:\n" + (Files.exists(log) ? Files.readString(log) : ""), e);
    }
    return new DemoNode(process, log);
  }

  /** Kills the node at once (SIGKILL): no shutdown, requests in flight cut off. */
  /** The CPU time the node's process has used so far. */
  public java.time.Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
  }

  public void kill() {
    process.destroyForcibly();
  }

  /** Calls a node or a balancer as a page or an admin would: an optional bearer and JSON body. */
  static HttpResponse<String> call(URI base, String method, String path, String bearer, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
