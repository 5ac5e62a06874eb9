package org.peerloop.demo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerloop.demo.DemoNode;
import org.peerloop.demo.lms.DemoCourse;
import org.peerloop.demo.lms.DemoLms;
import org.peerloop.persistence.TestPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The scale-out setup under a mixed load: two tool nodes (demo jars) on one PostgreSQL behind nginx
 * (round robin, no stickiness), driven at concurrency 64 by 10 % launches, 70 % cohort reads, 15 %
 * posts and 5 % ratings for five minutes. Throughput and latency per kind go to {@code
 * BENCHMARKS.md}; the run must have no error. A benchmark, not a test of the build: it runs only
 * when named ({@code mvn -pl examples failsafe:integration-test failsafe:verify
 * -Dit.test=MixedLoadBenchmark}, after an install) and needs Debian's nginx.
 */
class MixedLoadBenchmark {
  static final int CONCURRENCY = Integer.getInteger("peerloop.bench.concurrency", 64);
  static final Duration WARM_UP =
      Duration.ofSeconds(Long.getLong("peerloop.bench.warmUpSeconds", 90));
  static final Duration MEASURE =
      Duration.ofSeconds(Long.getLong("peerloop.bench.measureSeconds", 300));
  static final int LEARNERS = 340;
  static final int SEED_THREADS_PER_COHORT = 5;

  /** A post's own id: the author's, nested in it, comes first in the JSON. */
  private static final java.util.regex.Pattern POST_ID =
      java.util.regex.Pattern.compile("\"id\":(\\d+),\"kind\"");

  enum Kind {
    LAUNCH(10),
    READ(70),
    POST(15),
    RATE(5);

    final int percent;

    Kind(int percent) {
      this.percent = percent;
    }

    static Kind pick(int roll) {
      int bound = 0;
      for (Kind kind : values()) {
        bound += kind.percent;
        if (roll < bound) {
          return kind;
        }
      }
      return RATE;
    }
  }

  /** A learner the load acts as: their session and their cohort. */
  record Learner(String id, String token, long cohort) {}

  /** A thread posted before the load, and who wrote it (nobody rates their own). */
  record Seeded(long id, String author) {}

  @TempDir Path folder;

  @Test
  void mixedLoadOnTwoNodesBehindNginx() throws Exception {
    PGSimpleDataSource database = (PGSimpleDataSource) TestPostgres.newDatabase();
    int balancerPort = LaunchBenchmark.freePort();
    URI balancer = URI.create("http://127.0.0.1:" + balancerPort + "/");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    List<DemoNode> nodes = new ArrayList<>();
    List<Integer> ports = List.of(LaunchBenchmark.freePort(), LaunchBenchmark.freePort());
    Process nginx = null;
    DemoLms platform = null;
    try {
      // The balancer first: each node's own demo LMS registers through it as it starts.
      nginx = startNginx(balancerPort, ports);
      for (int i = 0; i < ports.size(); i++) {
        Map<String, String> env = new HashMap<>();
        env.put("PEERLOOP_HTTP_PORT", String.valueOf(ports.get(i)));
        env.put("PEERLOOP_DEMO_LMS_PORT", String.valueOf(LaunchBenchmark.freePort()));
        env.put("PEERLOOP_DATA_DIR", folder.resolve("node-" + i).toString());
        env.put("PEERLOOP_BASE_URL", balancer.toString());
        env.put("PEERLOOP_JDBC_URL", database.getUrl());
        env.put("PEERLOOP_JDBC_USER", database.getUser());
        env.put("PEERLOOP_JDBC_PASSWORD", "test-only-password");
        env.put("PEERLOOP_JDBC_POOL_SIZE", "32");
        env.put("PEERLOOP_SECRET_KEY", Base64.getEncoder().encodeToString(key));
        env.put("PEERLOOP_TRUSTED_PROXIES", "127.0.0.1");
        // One admin token for the cluster: a node's admin calls may reach the other node.
        env.put("PEERLOOP_ADMIN_TOKEN", "mixed-load-admin-token-0123456789abcdef");
        // Every simulated person comes from this one address, faster than any person posts.
        env.put("PEERLOOP_LIMIT_LOGINS_PER_MINUTE", "0");
        env.put("PEERLOOP_LIMIT_LAUNCHES_PER_MINUTE", "0");
        env.put("PEERLOOP_LIMIT_POSTS_PER_MINUTE", "0");
        nodes.add(DemoNode.start(env, folder.resolve("node-" + i + ".log")));
      }

      platform = DemoLms.start(0, "localhost", null);
      platform.offerPlatformStorage(false);
      platform.offerNamesAndRoles(DemoCourse.CONTEXT_ID, false);
      assertEquals(200, platform.registerWith(balancer.resolve("lti/register")));
      BenchClient client = new BenchClient(balancer, platform);
      BenchClient.Space space =
          client.setUpSpace(
              "201", "{\"title\":\"Mixed load\",\"phase\":\"pre-course\",\"targetSize\":17}");
      List<Learner> learners = join(client, space);
      Map<Long, List<Seeded>> postsByCohort = seed(client, learners);

      AtomicLong keys = new AtomicLong();
      Map<Kind, Recorded> warm = run(client, learners, postsByCohort, keys, WARM_UP, nodes);
      System.out.println("warm-up: " + warm);
      Duration cpuBefore = cpu(nodes);
      Map<Kind, Recorded> measured = run(client, learners, postsByCohort, keys, MEASURE, nodes);
      report(measured, cpu(nodes).minus(cpuBefore));
      long errors = measured.values().stream().mapToLong(r -> r.failures).sum();
      assertEquals(0, errors, "errors under load: " + measured);
    } finally {
      if (platform != null) {
        platform.stop();
      }
      if (nginx != null) {
        nginx.destroy();
        nginx.waitFor(10, TimeUnit.SECONDS);
      }
      nodes.forEach(DemoNode::kill);
    }
  }

  private List<Learner> join(BenchClient client, BenchClient.Space space) throws Exception {
    List<Learner> learners = new ArrayList<>();
    for (int i = 0; i < LEARNERS; i++) {
      String id = "load-" + i;
      String token =
          BenchClient.sessionToken(client.launch(BenchClient.person(id, "Learner"), "201"));
      long cohort =
          BenchClient.number(
              client.api(
                  "POST", "api/v1/spaces/" + space.id() + "/membership", token, "{\"topics\":[]}"),
              BenchClient.ID);
      learners.add(new Learner(id, token, cohort));
    }
    return learners;
  }

  private Map<Long, List<Seeded>> seed(BenchClient client, List<Learner> learners)
      throws Exception {
    Map<Long, List<Seeded>> posts = new HashMap<>();
    for (Learner learner : learners) {
      List<Seeded> cohortPosts = posts.computeIfAbsent(learner.cohort(), c -> new ArrayList<>());
      if (cohortPosts.size() < SEED_THREADS_PER_COHORT) {
        long id =
            BenchClient.number(
                client.api(
                    "POST",
                    "api/v1/cohorts/" + learner.cohort() + "/posts",
                    learner.token(),
                    "{\"title\":\"Seed by "
                        + learner.id()
                        + "\",\"body\":\"<p>What I tried at"
                        + " work this week, and what came of it.</p>\",\"clientKey\":\"seed-"
                        + learner.id()
                        + "\"}"),
                POST_ID);
        cohortPosts.add(new Seeded(id, learner.id()));
      }
    }
    return posts;
  }

  /** Latencies and failures of one kind of operation, from all workers. */
  static final class Recorded {
    final List<Long> nanos = new ArrayList<>();
    long failures;
    String firstFailure;

    synchronized void add(List<Long> more, long failed, String failure) {
      nanos.addAll(more);
      failures += failed;
      if (firstFailure == null) {
        firstFailure = failure;
      }
    }

    double percentile(int p) {
      List<Long> sorted = new ArrayList<>(nanos);
      sorted.sort(Long::compare);
      if (sorted.isEmpty()) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    @Override
    public String toString() {
      return nanos.size()
          + " ok, "
          + failures
          + " failed"
          + (firstFailure == null ? "" : " (" + firstFailure + ")");
    }
  }

  private Map<Kind, Recorded> run(
      BenchClient client,
      List<Learner> learners,
      Map<Long, List<Seeded>> postsByCohort,
      AtomicLong keys,
      Duration duration,
      List<DemoNode> nodes)
      throws Exception {
    Map<Kind, Recorded> recorded = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      recorded.put(kind, new Recorded());
    }
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < CONCURRENCY; w++) {
      running.add(
          workers.submit(
              () -> {
                Map<Kind, List<Long>> mine = new EnumMap<>(Kind.class);
                Map<Kind, Long> failed = new EnumMap<>(Kind.class);
                Map<Kind, String> failure = new EnumMap<>(Kind.class);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                  Kind kind = Kind.pick(random.nextInt(100));
                  Learner learner = learners.get(random.nextInt(learners.size()));
                  long t0 = System.nanoTime();
                  String problem = once(client, kind, learner, postsByCohort, keys, random);
                  if (problem == null) {
                    mine.computeIfAbsent(kind, k -> new ArrayList<>()).add(System.nanoTime() - t0);
                  } else {
                    failed.merge(kind, 1L, Long::sum);
                    failure.putIfAbsent(kind, problem);
                  }
                }
                for (Kind kind : Kind.values()) {
                  recorded
                      .get(kind)
                      .add(
                          mine.getOrDefault(kind, List.of()),
                          failed.getOrDefault(kind, 0L),
                          failure.get(kind));
                }
                return null;
              }));
    }
    for (Future<?> worker : running) {
      worker.get();
    }
    workers.shutdown();
    return recorded;
  }

  /** One operation: null when it succeeded, else what went wrong. */
  private static String once(
      BenchClient client,
      Kind kind,
      Learner learner,
      Map<Long, List<Seeded>> postsByCohort,
      AtomicLong keys,
      ThreadLocalRandom random) {
    try {
      HttpResponse<String> answer =
          switch (kind) {
            case LAUNCH -> client.launch(BenchClient.person(learner.id(), "Learner"), "201");
            case READ ->
                client.api(
                    "GET",
                    "api/v1/cohorts/" + learner.cohort() + "/threads",
                    learner.token(),
                    null);
            case POST ->
                client.api(
                    "POST",
                    "api/v1/cohorts/" + learner.cohort() + "/posts",
                    learner.token(),
                    "{\"title\":\"Load "
                        + keys.incrementAndGet()
                        + "\",\"body\":\"<p>A short"
                        + " note on applying this at work.</p>\",\"clientKey\":\"load-"
                        + keys.get()
                        + "-"
                        + random.nextInt(1_000_000)
                        + "\"}");
            case RATE -> {
              List<Seeded> peers =
                  postsByCohort.get(learner.cohort()).stream()
                      .filter(p -> !p.author().equals(learner.id()))
                      .toList();
              Seeded post = peers.get(random.nextInt(peers.size()));
              yield client.api(
                  "PUT",
                  "api/v1/posts/" + post.id() + "/rating",
                  learner.token(),
                  "{\"stars\":" + (1 + random.nextInt(5)) + "}");
            }
          };
      if (answer == null) {
        return "launch refused at login";
      }
      int status = answer.statusCode();
      return status / 100 == 2 ? null : kind + " " + status + ": " + answer.body();
    } catch (Exception e) {
      return kind + " " + e;
    }
  }

  private static Duration cpu(List<DemoNode> nodes) {
    return nodes.stream().map(DemoNode::cpu).reduce(Duration.ZERO, Duration::plus);
  }

  private void report(Map<Kind, Recorded> measured, Duration nodesCpu) throws Exception {
    long total = measured.values().stream().mapToLong(r -> r.nanos.size()).sum();
    double seconds = MEASURE.toSeconds();
    StringBuilder md = new StringBuilder();
    md.append("Two tool nodes (the demo jar, GlassFish 7 Embedded) on one PostgreSQL (embedded")
        .append(" binaries from Maven Central) behind nginx 1.22 from Debian (round robin, no")
        .append(" stickiness, keep-alive to the nodes), all on this machine with the load")
        .append(" generator. ")
        .append(CONCURRENCY)
        .append(" clients for ")
        .append(MEASURE.toSeconds())
        .append(" s after ")
        .append(WARM_UP.toSeconds())
        .append(" s of warm-up; ")
        .append(LEARNERS)
        .append(" learners in cohorts of 17. A launch is the login initiation and the id_token")
        .append(" post; a read is a cohort's first page of threads (which records a view); a post")
        .append(" starts a thread; a rating rates a cohort-mate's thread.\n\n")
        .append("Measured ")
        .append(LocalDate.now())
        .append(" on this project's reference machine: 2 cores, Java ")
        .append(System.getProperty("java.version"))
        .append(".\n\n")
        .append("| operation | share | done | errors | per s | p50 ms | p95 ms | p99 ms |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Kind kind : Kind.values()) {
      Recorded r = measured.get(kind);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d %% | %d | %d | %.0f | %.1f | %.1f | %.1f |%n",
              kind.name().toLowerCase(Locale.ROOT),
              kind.percent,
              r.nanos.size(),
              r.failures,
              r.nanos.size() / seconds,
              r.percentile(50),
              r.percentile(95),
              r.percentile(99)));
    }
    Recorded all = new Recorded();
    measured.values().forEach(r -> all.add(r.nanos, r.failures, null));
    md.append(
        String.format(
            Locale.ROOT,
            "| **all** | | %d | %d | %.0f | %.1f | %.1f | %.1f |%n%n",
            total,
            all.failures,
            total / seconds,
            all.percentile(50),
            all.percentile(95),
            all.percentile(99)));
    md.append(
        String.format(
            Locale.ROOT,
            "The two nodes used %.1f ms of CPU per operation together (%.2f cores).%n%n",
            total == 0 ? 0 : nodesCpu.toNanos() / 1e6 / total,
            nodesCpu.toNanos() / 1e9 / seconds));
    md.append("Reproduce (needs `apt-get install nginx`):\n\n```\n")
        .append("mvn -B -DskipTests install\n")
        .append("mvn -B -pl examples failsafe:integration-test failsafe:verify")
        .append(" -Dit.test=MixedLoadBenchmark\n")
        .append("```\n");
    Path file = Path.of(System.getProperty("peerloop.bench.output", "../BENCHMARKS.md"));
    Report.writeSection(file, "mixed-load-benchmark", md.toString());
    System.out.println(md);
  }

  /** nginx from Debian in the foreground, its files in the test's folder. */
  private Process startNginx(int port, List<Integer> nodePorts) throws Exception {
    Path nginx = Path.of("/usr/sbin/nginx");
    if (!Files.isExecutable(nginx)) {
      throw new IllegalStateException("This benchmark needs nginx: apt-get install nginx");
    }
    Path dir = Files.createDirectories(folder.resolve("nginx"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    StringBuilder upstream = new StringBuilder();
    for (int nodePort : nodePorts) {
      upstream.append("    server 127.0.0.1:").append(nodePort).append(";\n");
    }
    String conf =
        "daemon off;\nworker_processes 1;\npid "
            + dir.resolve("nginx.pid")
            + ";\n"
            + "error_log "
            + dir.resolve("error.log")
            + " warn;\n"
            + "events { worker_connections 4096; }\n"
            + "http {\n  access_log off;\n"
            + "  client_body_temp_path "
            + dir.resolve("body")
            + ";\n"
            + "  proxy_temp_path "
            + dir.resolve("proxy")
            + ";\n"
            + "  fastcgi_temp_path "
            + dir.resolve("fastcgi")
            + ";\n"
            + "  uwsgi_temp_path "
            + dir.resolve("uwsgi")
            + ";\n"
            + "  scgi_temp_path "
            + dir.resolve("scgi")
            + ";\n"
            + "  upstream peerloop {\n"
            + upstream
            // Idle connections to a node close on nginx's side first (the nodes wait 15 s), so
            // nginx never sends a request on a connection the node is closing.
            + "    keepalive 64;\n    keepalive_timeout 10s;\n  }\n"
            + "  server {\n    listen 127.0.0.1:"
            + port
            + ";\n    client_max_body_size 1m;\n"
            + "    location / {\n      proxy_pass http://peerloop;\n"
            + "      proxy_http_version 1.1;\n      proxy_set_header Connection \"\";\n"
            + "      proxy_set_header Host $http_host;\n"
            + "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
            + "      proxy_next_upstream error timeout http_502 http_503;\n"
            + "    }\n  }\n}\n";
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process process =
        new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.log").toFile())
            .start();
    for (int i = 0; i < 50; i++) {
      try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
        return process;
      } catch (java.io.IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(
        "nginx did not start: " + Files.readString(dir.resolve("out.log")));
  }
}
