package org.peerloop.web.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.peerloop.admin.LaunchRefusals;

/** Keeps a refused launch for diagnosis, in a transaction of its own (the launch wrote nothing). */
@ApplicationScoped
public class LaunchRefusalRecorder {
  @Inject LaunchRefusals refusals;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(LaunchRefusalLog.Claimed claimed, String reason, String detail) {
    refusals.record(
        claimed.platformId(),
        claimed.issuer(),
        claimed.clientId(),
        claimed.deploymentId(),
        reason,
        detail);
  }
}
