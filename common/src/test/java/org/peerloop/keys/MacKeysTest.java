package org.peerloop.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.testing.MutableClock;

/** Token secrets rotate with overlap: a new version signs later, every version verifies. */
class MacKeysTest {
  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

  @AfterEach
  void close() {
    db.close();
  }

  private MacKeyRing ring() {
    return db.inTransaction(em -> new MacKeys(em, clock, SigningKeysTest.BOX).ring("session"));
  }

  @Test
  void aNewVersionSignsOnlyOnceEveryNodeHadTimeToReadIt() {
    MacKeyRing first = ring();
    assertEquals(MacKeyRing.FIRST, first.currentKid());
    String next =
        db.inTransaction(em -> new MacKeys(em, clock, SigningKeysTest.BOX).rotate("session").kid());
    assertNotEquals(MacKeyRing.FIRST, next);

    MacKeyRing during = ring();
    assertEquals(MacKeyRing.FIRST, during.currentKid(), "the old version still signs");
    assertTrue(during.secret(next).isPresent(), "but every node can verify the new one");

    clock.advance(MacKeys.ACTIVATION_LEAD.plus(Duration.ofSeconds(1)));
    MacKeyRing after = ring();
    assertEquals(next, after.currentKid());
    assertTrue(after.secret(MacKeyRing.FIRST).isPresent(), "the first version still verifies");
    assertEquals(2, after.all().size());
  }

  @Test
  void aValueSignedBeforeARotationIsStillRecognised() {
    SignedId before = new SignedId(ring(), "unsubscribe");
    String link = before.sign("person", 42);
    db.inTransaction(em -> new MacKeys(em, clock, SigningKeysTest.BOX).rotate("session"));
    clock.advance(MacKeys.ACTIVATION_LEAD.plus(Duration.ofSeconds(1)));
    SignedId after = new SignedId(ring(), "unsubscribe");

    assertEquals(42, after.read("person", link).orElseThrow());
    assertNotEquals(link, after.sign("person", 42), "new values use the new version");
    assertTrue(after.read("person", link.replace("42.", "43.")).isEmpty());
  }
}
