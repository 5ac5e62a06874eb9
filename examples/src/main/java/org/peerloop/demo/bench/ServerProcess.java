package org.peerloop.demo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.peerloop.demo.DemoLauncher;

/** The demo server as a separate process, so its CPU time can be read on its own. */
final class ServerProcess {
  /** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private final Process process;
  private final List<String> command;

  private ServerProcess(Process process, List<String> command) {
    this.process = process;
    this.command = command;
  }

  static ServerProcess start(int port, Path data) throws IOException, InterruptedException {
    return start(port, data, List.of());
  }

  /** Starts the server with JVM options of the benchmark's own, before any given by the user. */
  static ServerProcess start(int port, Path data, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path jar = demoJar();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    // Extra server JVM options, e.g. -XX:StartFlightRecording=filename=launch.jfr to profile.
    String extra = System.getProperty("peerloop.bench.serverJvmOptions", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PEERLOOP_HTTP_PORT", String.valueOf(port));
    builder.environment().put("PEERLOOP_DATA_DIR", data.toString());
    builder.environment().put("PEERLOOP_DEMO_LMS_PORT", String.valueOf(LaunchBenchmark.freePort()));
    // Every simulated person comes from this one address, at rates no limit would allow.
    for (String limit :
        List.of(
            "PEERLOOP_LIMIT_LOGINS_PER_MINUTE",
            "PEERLOOP_LIMIT_LAUNCHES_PER_MINUTE",
            "PEERLOOP_LIMIT_POSTS_PER_MINUTE")) {
      builder.environment().put(limit, "0");
    }
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
    Process process = builder.start();
    ServerProcess server = new ServerProcess(process, command);
    server.awaitReady(data.resolve("server.log"));
    return server;
  }

  /** The demo jar this class was loaded from (the benchmark ships inside it). */
  private static Path demoJar() {
    try {
      Path self =
          Path.of(ServerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(self)) {
        throw new IllegalStateException(
            "Run the benchmark from peerloop-demo.jar (see BENCHMARKS.md)");
      }
      return self;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits for the demo's ready line. {@code /health} answers earlier, while the demo still connects
   * its LMS, store, bridge and SharePoint through the admin API; load started then races that
   * setup, and a setup request that times out stops the demo.
   */
  private void awaitReady(Path log) throws InterruptedException, IOException {
    for (int i = 0; i < 240; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server exited; see " + log);
      }
      if (Files.isRegularFile(log)
          && Files.readString(log, StandardCharsets.ISO_8859_1).contains(DemoLauncher.READY)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The demo was not ready in 120 s; see " + log);
  }

  /**
   * User plus system CPU time of the server process so far (fields 14 and 15 of /proc/pid/stat).
   */
  long cpuNanos() throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
  }

  String commandLine() {
    return String.join(" ", command);
  }

  void stop() throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
