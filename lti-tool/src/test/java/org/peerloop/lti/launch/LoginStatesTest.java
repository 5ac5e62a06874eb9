package org.peerloop.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.lti.session.HmacJwt;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.signin.SignInRecords;
import org.peerloop.testing.MutableClock;

/** The signed login state and its login's one-time record, on the test database. */
class LoginStatesTest {
  private static final byte[] SECRET = "login-state-secret-of-thirty-two-bytes!".getBytes();
  private static final long PLATFORM = 7;

  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private <T> T withStates(byte[] secret, Function<LoginStates, T> work) {
    return db.inTransaction(
        em -> work.apply(new LoginStates(new SignInRecords(em, clock), secret, clock)));
  }

  private LoginStates.Issued issue(String storageTarget) {
    return withStates(SECRET, s -> s.issue(PLATFORM, storageTarget));
  }

  private Optional<LaunchLedger.IssuedState> read(String state) {
    return withStates(SECRET, s -> s.read(state));
  }

  private boolean complete(String nonce) {
    return withStates(SECRET, s -> s.complete(nonce));
  }

  @Test
  void aStateBindsItsPlatformNonceAndStorageFrame() {
    LoginStates.Issued issued = issue("post_message_forwarding");

    LaunchLedger.IssuedState state = read(issued.state()).orElseThrow();

    assertEquals(PLATFORM, state.platformId());
    assertEquals(issued.nonce(), state.nonce());
    assertEquals("post_message_forwarding", state.storageTarget());
    assertFalse(state.expired());
  }

  @Test
  void aLoginCompletesOnceWithTheNonceItsStateBinds() {
    LoginStates.Issued issued = issue(null);
    String bound = read(issued.state()).orElseThrow().nonce();

    assertTrue(complete(bound));
    assertFalse(complete(bound), "the nonce, and so the state, is used up");
    assertFalse(complete("never-issued"), "a nonce no login issued");
  }

  @Test
  void withoutPlatformStorageTheStateNamesNoFrame() {
    LoginStates.Issued issued = issue(null);
    assertNull(read(issued.state()).orElseThrow().storageTarget());
    assertNull(issued.binding());
  }

  /**
   * The value kept in platform storage is not the nonce, nor anything the state carries: the state
   * is signed, not encrypted, so whoever captured it could otherwise answer the binding step.
   */
  @Test
  void theValueKeptInPlatformStorageIsNeitherTheNonceNorInTheState() {
    LoginStates.Issued issued = issue("post_message_forwarding");
    String[] parts = issued.state().split("\\.");
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(parts[1]),
            java.nio.charset.StandardCharsets.UTF_8);

    assertNotEquals(issued.nonce(), issued.binding());
    assertTrue(issued.binding().length() >= 43, "256 random bits");
    assertFalse(payload.contains(issued.binding()), payload);
    assertEquals(
        LaunchBinding.hash(issued.binding()),
        read(issued.state()).orElseThrow().bindingHash(),
        "the state carries only its hash");
  }

  @Test
  void eachLoginHasAFreshNonceAndAShortState() {
    LoginStates.Issued a = issue(null);
    LoginStates.Issued b = issue(null);

    assertNotEquals(a.state(), b.state());
    assertNotEquals(a.nonce(), b.nonce());
    assertTrue(a.state().length() < 400, "fits a query string comfortably: " + a.state().length());
  }

  @Test
  void anExpiredStateIsReportedAsSuch() {
    LoginStates.Issued issued = issue(null);
    clock.advance(SignInRecords.LOGIN_LIFETIME);

    assertTrue(read(issued.state()).orElseThrow().expired());
  }

  @Test
  void aStateSignedWithAnotherSecretIsUnknown() {
    LoginStates.Issued elsewhere =
        withStates(
            "another-secret-of-thirty-two-bytes-long".getBytes(), s -> s.issue(PLATFORM, null));

    assertTrue(read(elsewhere.state()).isEmpty());
  }

  @Test
  void aStateWhosePlatformWasChangedIsUnknown() {
    String[] parts = issue(null).state().split("\\.");
    String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
    String forged =
        parts[0]
            + "."
            + Base64URL.encode(payload.replace("\"plt\":7", "\"plt\":8"))
            + "."
            + parts[2];

    assertTrue(payload.contains("\"plt\":7"), payload);
    assertTrue(read(forged).isEmpty());
  }

  @Test
  void anotherOfTheToolsTokensIsNoState() {
    // Same secret, other type: a session or binding ticket must not pass for a state.
    String ticket =
        new HmacJwt(SECRET, new JOSEObjectType("peerloop-launch-binding+jwt"))
            .sign(
                new JWTClaimsSet.Builder()
                    .expirationTime(Date.from(clock.instant().plusSeconds(60)))
                    .claim("plt", PLATFORM)
                    .claim("nonce", "n")
                    .build());

    assertTrue(read(ticket).isEmpty());
  }

  @Test
  void garbageEmptyAndOversizedStatesAreUnknown() {
    assertTrue(read(null).isEmpty());
    assertTrue(read("").isEmpty());
    assertTrue(read("not.a.token").isEmpty());
    assertTrue(read("x".repeat(LoginStates.MAX_LENGTH + 1)).isEmpty());
  }
}
