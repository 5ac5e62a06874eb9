package org.peerloop.demo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/** Runs a task at a fixed concurrency for a while and measures throughput, latency and CPU. */
final class LoadRun {
  private LoadRun() {}

  /** One measured level. */
  record Result(
      int concurrency,
      int operations,
      int failures,
      double seconds,
      double p50,
      double p95,
      double p99,
      double serverCpuMsPerOperation) {

    double perSecond() {
      return operations / seconds;
    }

    String row() {
      return String.format(
          Locale.ROOT,
          "| %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.2f |",
          concurrency,
          operations,
          failures,
          perSecond(),
          p50,
          p95,
          p99,
          serverCpuMsPerOperation);
    }
  }

  /**
   * Runs {@code task(n)} for n = 0, 1, 2, … from {@code concurrency} threads until the time is up.
   * The task answers whether the operation succeeded.
   */
  static Result run(int concurrency, Duration duration, ServerProcess server, IntPredicate task)
      throws Exception {
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
                  if (task.test(n)) {
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

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
