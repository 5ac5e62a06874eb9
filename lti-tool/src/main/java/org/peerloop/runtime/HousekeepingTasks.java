package org.peerloop.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.peerloop.activity.ActivityEvent;
import org.peerloop.activity.ActivityLog;
import org.peerloop.admin.ConsoleTickets;
import org.peerloop.admin.LaunchRefusals;
import org.peerloop.lti.session.ToolSecrets;
import org.peerloop.settings.Settings;
import org.peerloop.sharepointsite.PageClaims;
import org.peerloop.signin.SessionRevocations;
import org.peerloop.signin.SignInRecords;
import org.peerloop.web.limits.RateLimiter;

/** The housekeeping work, each task in its own transaction. */
@ApplicationScoped
public class HousekeepingTasks {
  private static final Logger LOG = Logger.getLogger(HousekeepingTasks.class.getName());

  @Inject SignInRecords signIns;
  @Inject ConsoleTickets tickets;
  @Inject SessionRevocations revocations;
  @Inject ToolSecrets secrets;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject ActivityLog activity;
  @Inject RateLimiter limits;
  @Inject LaunchRefusals refusals;
  @Inject PageClaims pageClaims;

  /** Writes a batch of buffered views in one transaction. */
  @Transactional
  public void writeViews(List<ActivityEvent> views) {
    activity.recordViews(views);
  }

  @Transactional
  public void purgeExpiredSignIns() {
    int purged = signIns.purgeExpired() + tickets.purgeExpired() + pageClaims.purgeExpired();
    if (purged > 0) {
      LOG.fine(() -> "Purged " + purged + " expired sign-in records and page requests");
    }
  }

  /** Refused launches older than the diagnosis looks back. */
  @Transactional
  public void purgeOldRefusals() {
    refusals.purgeOld();
  }

  /**
   * Rotates the token secrets when their newest version is older than the schedule asks
   * (PEERLOOP_SECRET_ROTATION_DAYS, 0: never). Two nodes doing it at once make two versions, and
   * the later signs: harmless.
   */
  public void rotateSecretsWhenDue() {
    int days = settings.secretRotationDays();
    if (days == 0) {
      return;
    }
    Instant newest =
        secrets.versions().stream()
            .filter(k -> k.purpose().equals(ToolSecrets.SESSION))
            .map(k -> k.createdAt())
            .max(Instant::compareTo)
            .orElse(Instant.MAX);
    if (newest.isBefore(clock.instant().minus(Duration.ofDays(days)))) {
      secrets.rotate();
      LOG.info(
          () -> "Rotated the token secrets (older than " + days + " days); nobody is signed out");
    }
  }

  /** Revocations older than any session they could end. */
  @Transactional
  public void purgeOldRevocations() {
    revocations.purgeOld();
  }

  /** Rate-limit windows that ended: their counts no longer matter. */
  public void purgeEndedRateWindows() {
    limits.purgeEnded();
  }
}
