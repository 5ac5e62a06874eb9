package org.peerloop.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.peerloop.keys.SecretBox;
import org.peerloop.keys.SecretKeyFile;
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

  /** Time comes from here so that tests and rules about expiry agree on one clock. */
  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
