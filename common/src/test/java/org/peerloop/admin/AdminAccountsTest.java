package org.peerloop.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.testing.MutableClock;

class AdminAccountsTest {
  private static final String PASSWORD = "a long passphrase here";

  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private <T> T accounts(Function<AdminAccounts, T> work) {
    return db.inTransaction(em -> work.apply(new AdminAccounts(em, clock)));
  }

  @Test
  void theSetupLinkIsIssuedOnceAndCreatesTheFirstAccountOnce() {
    String token = accounts(AdminAccounts::issueSetup).orElseThrow();
    assertEquals(Optional.empty(), accounts(AdminAccounts::issueSetup), "one link at a time");
    assertTrue(accounts(AdminAccounts::setupPending));

    assertThrows(
        ConflictException.class,
        () -> accounts(a -> a.setUp("not-the-token", "it-admin", PASSWORD)));
    AdminAccount created = accounts(a -> a.setUp(token, "it-admin", PASSWORD));

    assertEquals("it-admin", created.username());
    assertFalse(accounts(AdminAccounts::setupPending));
    assertThrows(
        ConflictException.class,
        () -> accounts(a -> a.setUp(token, "second", PASSWORD)),
        "the link works once");
    assertEquals(
        Optional.empty(), accounts(AdminAccounts::issueSetup), "no link once an account exists");
  }

  @Test
  void anExpiredSetupLinkIsRefusedAndANewOneReplacesIt() {
    String old = accounts(AdminAccounts::issueSetup).orElseThrow();
    clock.advance(AdminAccounts.SETUP_LIFETIME.plus(Duration.ofMinutes(1)));

    assertThrows(ConflictException.class, () -> accounts(a -> a.setUp(old, "it-admin", PASSWORD)));
    String fresh = accounts(AdminAccounts::issueSetup).orElseThrow();
    assertEquals("it-admin", accounts(a -> a.setUp(fresh, "it-admin", PASSWORD)).username());
  }

  @Test
  void signInNeedsTheRightNameAndPassword() {
    accounts(a -> a.create("it-admin", PASSWORD));

    assertTrue(accounts(a -> a.signIn("it-admin", PASSWORD)).isPresent());
    assertTrue(accounts(a -> a.signIn("it-admin", "a wrong passphrase")).isEmpty());
    assertTrue(accounts(a -> a.signIn("nobody", PASSWORD)).isEmpty());
    assertEquals(
        clock.instant(),
        accounts(a -> a.byUsername("it-admin").orElseThrow().lastSignInAt()),
        "the last sign-in is kept");
  }

  @Test
  void namesAndPasswordsAreChecked() {
    assertThrows(InvalidValueException.class, () -> accounts(a -> a.create("it-admin", "short")));
    assertThrows(InvalidValueException.class, () -> accounts(a -> a.create("a", PASSWORD)));
    assertThrows(InvalidValueException.class, () -> accounts(a -> a.create("<script>", PASSWORD)));
    accounts(a -> a.create("it-admin", PASSWORD));
    assertThrows(ConflictException.class, () -> accounts(a -> a.create("it-admin", PASSWORD)));
  }
}
