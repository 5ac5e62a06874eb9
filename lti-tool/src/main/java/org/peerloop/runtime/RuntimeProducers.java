package org.peerloop.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.peerloop.keys.SecretBox;
import org.peerloop.keys.SecretKeyFile;
import org.peerloop.outbound.GuardedHttpClient;
import org.peerloop.outbound.OutboundPolicy;
import org.peerloop.outbound.RetryingHttp;
import org.peerloop.settings.Settings;

/** The process-wide values every component may inject. */
@ApplicationScoped
public class RuntimeProducers {

  /** Read once; a malformed setting fails the deployment with every problem named. */
  @Produces
  @Singleton
  Settings settings() {
    return Settings.fromEnvironment();
  }

  /** Seals stored credentials with the installation's secret key, read or made once. */
  @Produces
  @Singleton
  SecretBox secretBox(Settings settings) {
    return new SecretBox(SecretKeyFile.of(settings));
  }

  /** Which addresses PeerLoop may call when someone else gave it the URL. */
  @Produces
  @Singleton
  OutboundPolicy outboundPolicy(Settings settings) {
    return new OutboundPolicy(settings.outboundAllowLoopback());
  }

  /**
   * The one client for calls to URLs someone else gave: platforms, stores, Moodle sites, Microsoft
   * 365. It follows no redirect and checks every address against the policy.
   */
  @Produces
  @Singleton
  GuardedHttpClient outboundHttp(OutboundPolicy policy) {
    return GuardedHttpClient.of(policy, Duration.ofSeconds(10));
  }

  /** The same client with bounded retries, for service calls (LTI Advantage, xAPI). */
  @Produces
  @Singleton
  RetryingHttp retryingHttp(GuardedHttpClient http) {
    return new RetryingHttp(http);
  }

  /** Time comes from here so that tests and rules about expiry agree on one clock. */
  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
