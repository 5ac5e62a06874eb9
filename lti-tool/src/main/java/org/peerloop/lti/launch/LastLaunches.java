package org.peerloop.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peerloop.platform.PlatformRepository;

/**
 * Keeps each platform's last launch time (the admin console shows it) without a statement per
 * launch: a node writes it at most once a minute per platform, and the repository's conditional
 * update keeps several nodes from writing it more often than that either.
 */
@ApplicationScoped
public class LastLaunches {
  private final Map<Long, Instant> writtenAt = new ConcurrentHashMap<>();

  @Inject PlatformRepository platforms;

  /** Joins the launch's transaction; a launch rolled back after it delays the next note. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void launched(long platformId, Instant now) {
    Instant last = writtenAt.get(platformId);
    if (last != null && last.isAfter(now.minus(PlatformRepository.LAUNCH_NOTE_INTERVAL))) {
      return;
    }
    writtenAt.put(platformId, now);
    platforms.launched(platformId, now);
  }
}
