package org.peerloop.web.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.peerloop.cluster.RateWindows;

/** One count, committed on its own: a refused request must still have been counted. */
@ApplicationScoped
public class RateCounter {
  @Inject RateWindows windows;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int hit(String bucket, Instant windowStart) {
    return windows.hit(bucket, windowStart);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeBefore(Instant before) {
    return windows.purgeBefore(before);
  }
}
