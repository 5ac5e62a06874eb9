package org.peerloop.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;
import org.peerloop.signin.SignInRecords;

/** The housekeeping work, each task in its own transaction. */
@ApplicationScoped
public class HousekeepingTasks {
  private static final Logger LOG = Logger.getLogger(HousekeepingTasks.class.getName());

  @Inject SignInRecords signIns;

  @Transactional
  public void purgeExpiredSignIns() {
    int purged = signIns.purgeExpired();
    if (purged > 0) {
      LOG.fine(() -> "Purged " + purged + " expired sign-in records");
    }
  }
}
