package org.peerloop.moodlebridge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.peerloop.moodle.ws.MoodleClient;
import org.peerloop.moodle.ws.MoodleException;
import org.peerloop.moodle.ws.MoodleSite;
import org.peerloop.outbound.GuardedHttpClient;

/**
 * Clients for the bridged Moodle sites, one HTTP client for all. Never called inside a transaction:
 * a slow site must not hold database locks.
 */
@ApplicationScoped
public class MoodleSites {
  @Inject MoodleBridges bridges;
  @Inject BackstopSteps steps;

  @Inject GuardedHttpClient http;

  /** The platform's site. */
  public MoodleSite of(long platformId) {
    MoodleBridges.Target target = bridges.target(platformId);
    return of(target.siteUrl(), target.token());
  }

  /** Asks a site who the token is and what it may do. */
  public ConnectionReport check(URI siteUrl, String token) {
    try {
      return ConnectionReport.of(of(siteUrl, token).siteInfo());
    } catch (MoodleException e) {
      return ConnectionReport.failed(e);
    }
  }

  public ConnectionReport check(long platformId) {
    MoodleBridges.Target target = bridges.target(platformId);
    return check(platformId, target.siteUrl(), target.token());
  }

  /**
   * Asks the platform's site who the token is and what it may do, and whether it sees the learners:
   * Moodle's {@code core_enrol_get_enrolled_users} leaves out everyone the token's user may not see
   * in detail ({@code moodle/user:viewdetails}, user/lib.php {@code user_get_user_details}), so
   * without that capability it answers with the teachers only and the backstop asks nobody, while
   * every function is allowed. Most of the learners PeerLoop knows in a course missing from
   * Moodle's answer is that case (a few may have left the course since).
   */
  public ConnectionReport check(long platformId, URI siteUrl, String token) {
    ConnectionReport report = check(siteUrl, token);
    if (!report.connected() || !report.allows(MoodleSite.ENROLLED_USERS)) {
      return report;
    }
    Optional<BackstopSteps.KnownLearners> known = steps.knownLearners(platformId);
    if (known.isEmpty()) {
      return report;
    }
    try {
      Set<String> seen =
          of(siteUrl, token).enrolledUsers(known.get().moodleCourseId()).stream()
              .map(u -> String.valueOf(u.id()))
              .collect(Collectors.toSet());
      long hidden = known.get().subjects().stream().filter(s -> !seen.contains(s)).count();
      if (hidden * 2 <= known.get().subjects().size()) {
        return report;
      }
      return report.warn(
          "enrolled-users-hidden",
          "Moodle shows the token's user "
              + (known.get().subjects().size() - hidden)
              + " of the "
              + known.get().subjects().size()
              + " learners PeerLoop knows in \""
              + known.get().courseTitle()
              + "\": give its role moodle/user:viewdetails (Site administration > Users >"
              + " Permissions > Define roles), or the hourly completion check asks nobody.");
    } catch (MoodleException e) {
      return report.warn(
          "enrolled-users-unreadable",
          "Moodle did not list a course's enrolled users: " + e.getMessage());
    }
  }

  private MoodleSite of(URI siteUrl, String token) {
    return new MoodleSite(new MoodleClient(http, siteUrl, token));
  }
}
