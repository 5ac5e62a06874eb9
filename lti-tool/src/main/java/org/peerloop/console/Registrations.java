package org.peerloop.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.peerloop.admin.LaunchRefusalRecord;
import org.peerloop.admin.LaunchRefusals;
import org.peerloop.lti.registration.PlatformRegistrar;
import org.peerloop.platform.Platform;

/** What the console lists: each registration with its last launch and last refused launch. */
@ApplicationScoped
public class Registrations {
  /** How many refused launches the diagnosis shows at most. */
  public static final int DIAGNOSIS_MAX = 50;

  @Inject PlatformRegistrar registrar;
  @Inject LaunchRefusals refusals;

  public record Summary(
      long id,
      String issuer,
      String clientId,
      String productFamily,
      String status,
      List<String> deploymentIds,
      Instant createdAt,
      Instant lastLaunchAt,
      Refused lastRefusal,
      boolean consoleFromLms) {}

  /** A refused launch as the console shows it; the words come from its reason code. */
  public record Refused(
      long id,
      Long platformId,
      String reason,
      String issuer,
      String clientId,
      String deploymentId,
      String detail,
      Instant at) {
    static Refused of(LaunchRefusalRecord r) {
      return new Refused(
          r.id(),
          r.platformId(),
          r.reason(),
          r.issuer(),
          r.clientId(),
          r.deploymentId(),
          r.detail(),
          r.occurredAt());
    }
  }

  @Transactional
  public List<Summary> all() {
    return registrar.all().stream().map(this::summary).toList();
  }

  private Summary summary(Platform p) {
    Refused last = refusals.latest(p.id(), 1).stream().findFirst().map(Refused::of).orElse(null);
    return new Summary(
        p.id(),
        p.issuer(),
        p.clientId(),
        p.productFamily().code(),
        p.status().name(),
        List.copyOf(p.deploymentIds()),
        p.createdAt(),
        p.lastLaunchAt(),
        last,
        p.allowsConsoleFromLms());
  }

  /** The latest refused launches, of one platform or of all (also those of no known platform). */
  @Transactional
  public List<Refused> refused(Long platformId) {
    return refusals.latest(platformId, DIAGNOSIS_MAX).stream().map(Refused::of).toList();
  }
}
