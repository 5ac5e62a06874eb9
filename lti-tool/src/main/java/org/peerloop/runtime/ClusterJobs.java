package org.peerloop.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.peerloop.cluster.Job;

/**
 * Runs of jobs that must not overlap anywhere in the cluster, on this node's side. Each run claims
 * the job's lease under a holder name of its own (this node and a run id), so two runs on one node
 * exclude each other as surely as runs on two nodes. A long run renews its lease as it goes.
 */
@ApplicationScoped
public class ClusterJobs {
  /** This node in lease holders' names: the process and host, for an administrator reading them. */
  private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

  @Inject LeaseSteps steps;

  /** One claimed run: renew it while working, and close it when done. */
  public final class Run implements AutoCloseable {
    private final Job job;
    private final String holder;
    private final Duration lease;

    private Run(Job job, String holder, Duration lease) {
      this.job = job;
      this.holder = holder;
      this.lease = lease;
    }

    /** Extends the lease; false when it ran out and another run took the job (stop then). */
    public boolean renew() {
      return steps.claim(job, holder, lease);
    }

    @Override
    public void close() {
      steps.release(job, holder);
    }
  }

  /** Starts a run of the job when no other run holds it: empty otherwise. */
  public Optional<Run> start(Job job, Duration lease) {
    String holder = NODE + "/" + UUID.randomUUID();
    return steps.claim(job, holder, lease)
        ? Optional.of(new Run(job, holder, lease))
        : Optional.empty();
  }
}
