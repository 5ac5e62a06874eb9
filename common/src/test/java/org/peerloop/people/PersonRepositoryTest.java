package org.peerloop.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.platform.Platform;
import org.peerloop.testing.MutableClock;

class PersonRepositoryTest {
  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final Platform moodle = db.addPlatform("https://moodle.example.edu");

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private Person record(Platform platform, String subject, Profile profile) {
    return db.inTransaction(
        em ->
            new PersonRepository(em, clock)
                .recordProfile(em.find(Platform.class, platform.id()), subject, profile));
  }

  @Test
  void recordsAPersonOnceAndFollowsTheirProfile() {
    Person first =
        record(
            moodle, "7", new Profile("Ada Lovelace", "Ada", "Lovelace", "ada@x.org", null, "en"));
    Person again =
        record(moodle, "7", new Profile("Ada King", "Ada", "King", "ada@x.org", null, "en-GB"));

    assertEquals(first.id(), again.id());
    assertEquals("Ada King", again.displayName());
    assertEquals("en-GB", again.locale());
  }

  @Test
  void aLaunchRecordsByThePlatformsIdAndGetsThePersonWithTheirPlatform() {
    Platform canvas = db.addPlatform("https://canvas.example.edu");
    Profile ada = new Profile("Ada Lovelace", "Ada", "Lovelace", "ada@x.org", null, "en");

    Person created =
        db.inTransaction(
            em -> new PersonRepository(em, clock).recordProfile(moodle.id(), "7", ada));
    Person known =
        db.inTransaction(
            em -> {
              Person person =
                  new PersonRepository(em, clock).recordProfile(moodle.id(), "7", Profile.empty());
              // The platform comes managed with the person, ready to record the course under.
              assertTrue(em.contains(person.platform()));
              return person;
            });
    Person elsewhere =
        db.inTransaction(
            em -> new PersonRepository(em, clock).recordProfile(canvas.id(), "7", ada));

    assertEquals(created.id(), known.id());
    assertEquals(moodle.id(), known.platform().id());
    assertEquals("Ada Lovelace", known.name());
    assertNotEquals(created.id(), elsewhere.id());
    assertEquals(canvas.id(), elsewhere.platform().id());
  }

  @Test
  void keepsNamesThePlatformStoppedSending() {
    record(moodle, "7", new Profile("Ada Lovelace", "Ada", "Lovelace", "ada@x.org", null, null));

    Person later = record(moodle, "7", Profile.empty());

    assertEquals("Ada Lovelace", later.name());
    assertEquals("ada@x.org", later.email());
  }

  @Test
  void subjectsAreOnlyUniqueWithinAPlatform() {
    Platform canvas = db.addPlatform("https://canvas.example.edu");

    Person inMoodle = record(moodle, "7", Profile.empty());
    Person inCanvas = record(canvas, "7", Profile.empty());

    assertNotEquals(inMoodle.id(), inCanvas.id());
  }

  @Test
  void dropsValuesThatAreNotWhatTheyClaimToBe() {
    Person person =
        record(
            moodle,
            "8",
            new Profile(
                "  " + "N".repeat(400), null, null, "not-an-email", "javascript:alert(1)", null));

    assertEquals(255, person.name().length());
    assertNull(person.email());
    assertNull(person.pictureUrl());
  }

  @Test
  void aPersonWithoutNamesGetsANeutralLabel() {
    Person person = record(moodle, "9", Profile.empty());

    assertEquals("Participant " + person.id(), person.displayName());
  }
}
