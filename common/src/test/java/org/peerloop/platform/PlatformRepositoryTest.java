package org.peerloop.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.persistence.TestDatabase;

class PlatformRepositoryTest {
  static final String MOODLE = "https://moodle.example.edu";

  private final TestDatabase db = TestDatabase.create();

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  static Platform moodle(String clientId) {
    return new Platform(
        MOODLE,
        clientId,
        MOODLE + "/mod/lti/auth.php",
        MOODLE + "/mod/lti/token.php",
        MOODLE + "/mod/lti/certs.php",
        ProductFamily.MOODLE,
        PlatformStatus.ACTIVE,
        Instant.parse("2026-01-05T10:00:00Z"));
  }

  @Test
  void storesAPlatformWithItsDeployments() {
    long id =
        db.inTransaction(
            em -> {
              Platform p = moodle("client-1");
              p.addDeployment("1");
              p.addDeployment("7");
              return new PlatformRepository(em).add(p).id();
            });

    Platform found = new PlatformRepository(db.em()).find(id).orElseThrow();

    assertEquals(MOODLE, found.issuer());
    assertEquals("client-1", found.clientId());
    assertEquals(MOODLE + "/mod/lti/certs.php", found.jwksUrl());
    assertEquals(ProductFamily.MOODLE, found.productFamily());
    assertEquals(Set.of("1", "7"), found.deploymentIds());
    assertTrue(found.hasDeployment("7"));
    assertFalse(found.hasDeployment("8"));
    assertEquals(Instant.parse("2026-01-05T10:00:00Z"), found.createdAt());
  }

  @Test
  void findsEachRegistrationOfASharedIssuerByClientId() {
    db.inTransaction(
        em -> {
          PlatformRepository repo = new PlatformRepository(em);
          repo.add(moodle("client-a"));
          return repo.add(moodle("client-b"));
        });
    PlatformRepository repo = new PlatformRepository(db.em());

    assertEquals(
        "client-b", repo.findByIssuerAndClientId(MOODLE, "client-b").orElseThrow().clientId());
    assertTrue(repo.findByIssuerAndClientId(MOODLE, "client-c").isEmpty());
    assertTrue(repo.findByIssuerAndClientId("https://other.example", "client-a").isEmpty());
    List<Platform> shared = repo.findByIssuer(MOODLE);
    assertEquals(List.of("client-a", "client-b"), shared.stream().map(Platform::clientId).toList());
  }

  @Test
  void refusesTheSameIssuerAndClientIdTwice() {
    db.inTransaction(em -> new PlatformRepository(em).add(moodle("client-1")));

    ConflictException e =
        assertThrows(
            ConflictException.class,
            () -> db.inTransaction(em -> new PlatformRepository(em).add(moodle("client-1"))));

    assertEquals("platform-already-registered", e.reason());
    assertEquals(1, new PlatformRepository(db.em()).findAll().size());
  }

  @Test
  void refusesAnIssuerThatIsNotAUrl() {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () ->
                new Platform(
                    "moodle",
                    "c",
                    MOODLE + "/a",
                    MOODLE + "/t",
                    MOODLE + "/k",
                    ProductFamily.MOODLE,
                    PlatformStatus.ACTIVE,
                    Instant.now()));

    assertEquals("issuer", e.field());
  }

  @Test
  void onlyActivePlatformsAcceptLaunches() {
    Platform p = moodle("client-1");
    assertTrue(p.acceptsLaunches());

    p.changeStatus(PlatformStatus.DISABLED);

    assertFalse(p.acceptsLaunches());
  }

  @Test
  void readsProductFamilyCodesAsPlatformsSendThem() {
    assertEquals(ProductFamily.MOODLE, ProductFamily.fromCode("moodle"));
    assertEquals(ProductFamily.BRIGHTSPACE, ProductFamily.fromCode("desire2learn"));
    assertEquals(ProductFamily.BLACKBOARD, ProductFamily.fromCode("BlackboardLearn"));
    assertEquals(ProductFamily.CANVAS, ProductFamily.fromCode("CANVAS"));
    assertEquals(ProductFamily.OTHER, ProductFamily.fromCode("schoology"));
    assertEquals(ProductFamily.OTHER, ProductFamily.fromCode(null));
  }
}
