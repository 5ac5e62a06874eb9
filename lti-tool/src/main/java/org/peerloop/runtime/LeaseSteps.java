package org.peerloop.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.peerloop.cluster.Job;
import org.peerloop.cluster.JobLeases;

/** Lease claims and releases, each committed on its own before or after the work it guards. */
@ApplicationScoped
public class LeaseSteps {
  @Inject JobLeases leases;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claim(Job job, String holder, Duration lease) {
    return leases.claim(job, holder, lease);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(Job job, String holder) {
    leases.release(job, holder);
  }
}
