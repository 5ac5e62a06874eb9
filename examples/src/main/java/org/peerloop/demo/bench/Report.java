package org.peerloop.demo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a benchmark's results into BENCHMARKS.md, between two markers named after the benchmark,
 * so the hand-written analysis around them survives a new run.
 */
final class Report {
  private Report() {}

  /** Replaces the marked section {@code name} of the file, or appends it. */
  static void writeSection(Path file, String name, String content) throws IOException {
    String start = "<!-- " + name + ":start (written by the benchmark) -->";
    String end = "<!-- " + name + ":end -->";
    String section = start + "\n" + content + end;
    String existing =
        Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
    int from = existing.indexOf(start);
    int to = existing.indexOf(end);
    String updated =
        from < 0 || to < from
            ? existing + "\n" + section + "\n"
            : existing.substring(0, from) + section + existing.substring(to + end.length());
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }

  static void write(Path file, List<LoadRun.Result> results, String serverCommand)
      throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("Full launches against the embedded demo server (GlassFish 7 Embedded, embedded")
        .append(" Derby), driven like a platform and a browser: the login initiation (form POST,")
        .append(" answered with a redirect carrying a fresh state and nonce), then an id_token")
        .append(" signed with RS256 by the platform with that nonce, posted with the state to")
        .append(" `/lti/launch`, answered with the signed-in tool page. Each launch records the")
        .append(" person, course and resource link and issues a session token. ")
        .append(LaunchBenchmark.PEOPLE)
        .append(" distinct people; ")
        .append(LaunchBenchmark.FIRST_WARM_UP.toSeconds())
        .append(" s of warm-up at the highest concurrency (the JIT needs minutes on two cores),")
        .append(" then per level ")
        .append(LaunchBenchmark.WARM_UP.toSeconds())
        .append(" s of warm-up and ")
        .append(LaunchBenchmark.MEASURE.toSeconds())
        .append(" s measured. Latency is the whole launch (both requests).\n\n")
        .append("Measured ")
        .append(LocalDate.now())
        .append(" on this project's reference machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(". The benchmark's own work (RS256 signing, HTTP client) shares those cores.\n\n")
        .append("| concurrency | launches | failures | launches/s | p50 ms | p95 ms | p99 ms |")
        .append(" server CPU ms/launch |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (LoadRun.Result result : results) {
      md.append(result.row()).append('\n');
    }
    md.append("\nServer started as `")
        .append(
            serverCommand
                .replaceAll("^\\S*/bin/java", "java")
                .replaceAll("\\S*/(peerloop-demo\\.jar)", "examples/target/$1"))
        .append("`.\n\n")
        .append("Reproduce:\n\n```\nmvn -B -DskipTests package\n")
        .append(
            "java -cp examples/target/peerloop-demo.jar org.peerloop.demo.bench.LaunchBenchmark\n```\n");
    writeSection(file, "launch-benchmark", md.toString());
  }
}
