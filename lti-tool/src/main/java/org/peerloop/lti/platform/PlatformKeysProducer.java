package org.peerloop.lti.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** One key cache per node, shared by every launch. */
@ApplicationScoped
public class PlatformKeysProducer {

  @Produces
  @Singleton
  CachedPlatformKeys platformKeys(Clock clock) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    return new CachedPlatformKeys(http, clock);
  }
}
