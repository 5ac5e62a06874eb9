package org.peerloop.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.platform.Platform;
import org.peerloop.testing.MutableClock;

class LaunchRefusalsTest {
  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private final Platform moodle = db.addPlatform("https://moodle.example.edu");

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private <T> T refusals(Function<LaunchRefusals, T> work) {
    return db.inTransaction(em -> work.apply(new LaunchRefusals(em, clock)));
  }

  private void refuse(Long platformId, String reason) {
    refusals(
        r -> {
          r.record(platformId, "https://moodle.example.edu", "client", "7", reason, "detail");
          return null;
        });
  }

  @Test
  void latestFirstPerPlatformOrAllAndOldOnesPurged() {
    refuse(moodle.id(), "deployment-unknown");
    clock.advance(Duration.ofMinutes(1));
    refuse(null, "issuer-unknown");
    clock.advance(Duration.ofMinutes(1));
    refuse(moodle.id(), "token-expired");

    List<LaunchRefusalRecord> ofMoodle = refusals(r -> r.latest(moodle.id(), 10));
    assertEquals(
        List.of("token-expired", "deployment-unknown"),
        ofMoodle.stream().map(LaunchRefusalRecord::reason).toList());
    assertEquals("7", ofMoodle.get(0).deploymentId());
    assertEquals(3, refusals(r -> r.latest(null, 10)).size(), "also those of no known platform");
    assertEquals(1, refusals(r -> r.latest(null, 1)).size());

    clock.advance(LaunchRefusals.KEPT.minus(Duration.ofSeconds(30)));
    assertEquals(2, refusals(LaunchRefusals::purgeOld), "older than 30 days");
    assertEquals(1, refusals(r -> r.latest(null, 10)).size());
  }
}
