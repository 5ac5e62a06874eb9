package org.peerloop.lti.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.peerloop.outbound.GuardedHttpClient;
import org.peerloop.outbound.OutboundPolicy;

/** One key cache per node, shared by every launch. */
@ApplicationScoped
public class PlatformKeysProducer {

  @Produces
  @Singleton
  CachedPlatformKeys platformKeys(Clock clock, OutboundPolicy policy) {
    // Key sets move (a CDN, a new host), so redirects are followed, each hop checked.
    HttpClient http =
        GuardedHttpClient.of(
            policy,
            Duration.ofSeconds(5),
            HttpClient.Redirect.NORMAL,
            GuardedHttpClient.DEFAULT_MAX_ANSWER);
    return new CachedPlatformKeys(http, clock);
  }
}
