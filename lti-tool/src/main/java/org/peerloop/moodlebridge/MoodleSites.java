package org.peerloop.moodlebridge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
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
    return check(target.siteUrl(), target.token());
  }

  private MoodleSite of(URI siteUrl, String token) {
    return new MoodleSite(new MoodleClient(http, siteUrl, token));
  }
}
