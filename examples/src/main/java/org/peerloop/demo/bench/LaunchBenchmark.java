package org.peerloop.demo.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.peerloop.demo.lms.DemoCourse;
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
  static final int[] CONCURRENCY = {1, 8, 32};

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

  private final URI tool;
  private final DemoLms platform;
  private final HttpClient http;

  private LaunchBenchmark(URI tool, DemoLms platform) {
    this.tool = tool;
    this.platform = platform;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newFixedThreadPool(4))
            .build();
  }

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
    Path data = Files.createTempDirectory("peerloop-bench-");
    int port = freePort();
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
      LaunchBenchmark benchmark = new LaunchBenchmark(tool, platform);
      List<Result> results = new ArrayList<>();
      benchmark.run(CONCURRENCY[CONCURRENCY.length - 1], FIRST_WARM_UP, server);
      for (int concurrency : CONCURRENCY) {
        benchmark.run(concurrency, WARM_UP, server);
        Result result = benchmark.run(concurrency, MEASURE, server);
        System.out.println(result.row());
        results.add(result);
      }
      Report.write(output, results, server.commandLine());
      System.out.println("Results written to " + output.toAbsolutePath());
    } finally {
      if (platform != null) {
        platform.stop();
      }
      server.stop();
    }
  }

  /** One measured level. */
  record Result(
      int concurrency,
      int launches,
      int failures,
      double seconds,
      double p50,
      double p95,
      double p99,
      double serverCpuMsPerLaunch) {

    double perSecond() {
      return launches / seconds;
    }

    String row() {
      return String.format(
          Locale.ROOT,
          "| %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.2f |",
          concurrency,
          launches,
          failures,
          perSecond(),
          p50,
          p95,
          p99,
          serverCpuMsPerLaunch);
    }
  }

  private Result run(int concurrency, Duration duration, ServerProcess server) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long cpuBefore = server.cpuNanos();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      futures.add(
          workers.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                  int n = next.getAndIncrement();
                  long t0 = System.nanoTime();
                  if (launch(n)) {
                    latencies.add(System.nanoTime() - t0);
                  } else {
                    failures.incrementAndGet();
                  }
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> future : futures) {
      all.addAll(future.get());
    }
    workers.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpu = server.cpuNanos() - cpuBefore;
    all.sort(Long::compare);
    return new Result(
        concurrency,
        all.size(),
        failures.get(),
        seconds,
        percentile(all, 50),
        percentile(all, 95),
        percentile(all, 99),
        all.isEmpty() ? 0 : cpu / 1e6 / all.size());
  }

  /** One full launch; true when the tool answered with a signed-in page. */
  private boolean launch(int n) {
    try {
      DemoCourse.User person =
          new DemoCourse.User(
              "bench-" + (n % PEOPLE),
              "Bench",
              "Person " + (n % PEOPLE),
              null,
              "Learner",
              "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
      Map<String, String> login = new LinkedHashMap<>();
      login.put("iss", platform.issuer());
      login.put("login_hint", person.id());
      login.put("target_link_uri", tool.resolve("lti/launch").toString());
      login.put("client_id", platform.registration().clientId());
      login.put("lti_deployment_id", platform.registration().deploymentId());
      HttpResponse<String> redirect = post(tool.resolve("lti/login"), login);
      if (redirect.statusCode() != 302) {
        return false;
      }
      Map<String, String> auth =
          query(URI.create(redirect.headers().firstValue("Location").orElseThrow()));
      String idToken = platform.idToken(person, "201", false, auth.get("nonce"), Instant.now());
      HttpResponse<String> page =
          post(tool.resolve("lti/launch"), Map.of("id_token", idToken, "state", auth.get("state")));
      return page.statusCode() == 200 && page.body().contains("\"token\":\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse<String> post(URI uri, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
