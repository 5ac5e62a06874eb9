package org.peerloop.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformRepository;

class LastLaunchesTest {
  private final TestDatabase db = TestDatabase.create();
  private final long platformId = db.addPlatform("https://moodle.example.edu").id();
  private final LastLaunches lastLaunches = new LastLaunches();
  private final Instant start = Instant.parse("2026-03-01T09:00:00Z");

  @AfterEach
  void close() {
    db.close();
  }

  private void launch(Instant at) {
    db.inTransaction(
        em -> {
          lastLaunches.platforms = new PlatformRepository(em);
          lastLaunches.launched(platformId, at);
          return null;
        });
  }

  private Instant stored() {
    return db.em().find(Platform.class, platformId).lastLaunchAt();
  }

  @Test
  void aPlatformsLastLaunchIsWrittenAtMostOnceAMinute() {
    assertNull(stored());
    launch(start);
    assertEquals(start, stored());
    launch(start.plusSeconds(59));
    assertEquals(start, stored(), "no write within the minute");
    launch(start.plusSeconds(61));
    assertEquals(start.plusSeconds(61), stored());
  }

  @Test
  void anotherNodesRecentNoteIsNotOverwrittenEither() {
    db.inTransaction(
        em -> {
          new PlatformRepository(em).launched(platformId, start);
          return null;
        });
    launch(start.plusSeconds(30));
    assertEquals(start, stored(), "the other node wrote half a minute ago");
  }
}
