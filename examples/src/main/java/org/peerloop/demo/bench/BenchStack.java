package org.peerloop.demo.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peerloop.demo.lms.DemoLms;

/**
 * What most benchmarks run against: the server in its own JVM on a fresh embedded database, and the
 * demo platform in the benchmark's JVM, registered with it through Dynamic Registration and
 * launching without platform storage (as Moodle does).
 */
final class BenchStack implements AutoCloseable {
  ServerProcess server;
  final DemoLms platform;
  final URI tool;
  final Path data;
  private final int port;

  private BenchStack(ServerProcess server, DemoLms platform, URI tool, Path data, int port) {
    this.server = server;
    this.platform = platform;
    this.tool = tool;
    this.data = data;
    this.port = port;
  }

  /** The embedded database the server writes (for benchmarks that fill it while it is stopped). */
  Path database() {
    return data.resolve("peerloop");
  }

  /** Starts the server again on the same port and data, after it was stopped. */
  void restartServer() throws Exception {
    server = ServerProcess.start(port, data);
  }

  static BenchStack start() throws Exception {
    Path data = Files.createTempDirectory("peerloop-bench-");
    int port = LaunchBenchmark.freePort();
    ServerProcess server = ServerProcess.start(port, data);
    DemoLms platform = null;
    try {
      platform = DemoLms.start(0, "localhost", null);
      platform.offerPlatformStorage(false);
      URI tool = URI.create("http://127.0.0.1:" + port + "/");
      int status = platform.registerWith(tool.resolve("lti/register"));
      if (status != 200) {
        throw new IllegalStateException("registration answered HTTP " + status);
      }
      return new BenchStack(server, platform, tool, data, port);
    } catch (Exception | Error e) {
      if (platform != null) {
        platform.stop();
      }
      server.stop();
      throw e;
    }
  }

  BenchClient client() {
    return new BenchClient(tool, platform);
  }

  @Override
  public void close() throws InterruptedException {
    platform.stop();
    server.stop();
  }
}
