package org.peerloop.demo.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerloop.demo.lms.DemoLms;

/**
 * Full LTI 1.3 launches against the demo server, driven the way a platform and a browser drive
 * them: the login initiation (form POST), then an id_token signed by the platform with the nonce
 * the tool issued, posted with the state to the launch endpoint. Runs at several concurrency levels
 * and writes launches per second, latency percentiles and the server's CPU time per launch to
 * {@code BENCHMARKS.md}.
 *
 * <p>The server runs as its own process (the demo jar), so its CPU time is read from {@code /proc}
 * apart from the benchmark's own signing work.
 */
public final class LaunchBenchmark {
  /**
   * The levels measured, in rising order; {@code -Dpeerloop.bench.concurrency=32} measures one, to
   * compare two builds in less time.
   */
  static final int[] CONCURRENCY =
      Arrays.stream(System.getProperty("peerloop.bench.concurrency", "1,8,32").split(","))
          .mapToInt(level -> Integer.parseInt(level.strip()))
          .sorted()
          .toArray();

  /**
   * The server's JIT keeps compiling GlassFish, Weld, Jersey, EclipseLink and Derby for minutes on
   * two cores; measuring before that settles measures the compiler. One long warm-up at the highest
   * concurrency comes first, then a short one before each level.
   */
  static final Duration FIRST_WARM_UP =
      Duration.ofSeconds(Long.getLong("peerloop.bench.firstWarmUpSeconds", 240));

  static final Duration WARM_UP =
      Duration.ofSeconds(Long.getLong("peerloop.bench.warmUpSeconds", 10));
  static final Duration MEASURE =
      Duration.ofSeconds(Long.getLong("peerloop.bench.measureSeconds", 30));
  static final int PEOPLE = 2000;

  private final BenchClient client;

  private LaunchBenchmark(URI tool, DemoLms platform) {
    this.client = new BenchClient(tool, platform);
  }

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
    try (BenchStack stack = BenchStack.start()) {
      ServerProcess server = stack.server;
      LaunchBenchmark benchmark = new LaunchBenchmark(stack.tool, stack.platform);
      List<LoadRun.Result> results = new ArrayList<>();
      benchmark.run(CONCURRENCY[CONCURRENCY.length - 1], FIRST_WARM_UP, server);
      for (int concurrency : CONCURRENCY) {
        benchmark.run(concurrency, WARM_UP, server);
        LoadRun.Result result = benchmark.run(concurrency, MEASURE, server);
        System.out.println(result.row());
        results.add(result);
      }
      Report.write(output, results, server.commandLine());
      System.out.println("Results written to " + output.toAbsolutePath());
    }
  }

  private LoadRun.Result run(int concurrency, Duration duration, ServerProcess server)
      throws Exception {
    return LoadRun.run(concurrency, duration, server, this::launch);
  }

  /** One full launch of one of {@link #PEOPLE} people; true when the tool signed them in. */
  private boolean launch(int n) {
    try {
      HttpResponse<String> page =
          client.launch(BenchClient.person("bench-" + (n % PEOPLE), "Learner"), "201");
      return page != null && page.statusCode() == 200 && page.body().contains("\"token\":\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
