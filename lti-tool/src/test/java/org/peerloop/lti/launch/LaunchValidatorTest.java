package org.peerloop.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.peerloop.lti.platform.PlatformKeysUnavailableException;
import org.peerloop.lti.platform.Registration;
import org.peerloop.platform.PlatformStatus;

/** Every rule of the launch validator, each broken by exactly one token. */
class LaunchValidatorTest {
  private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
  private static final String STATE = "state-1";
  private static final String NONCE = "nonce-1";

  private final TestPlatform moodle = new TestPlatform(1, PlatformStatus.ACTIVE);
  private final InMemoryLedger ledger = new InMemoryLedger();
  private List<Registration> registered = List.of(moodle.registration);

  private LaunchValidator validator() {
    return new LaunchValidator(
        issuer -> registered.stream().filter(r -> r.issuer().equals(issuer)).toList(),
        (platform, kid) ->
            kid.equals(moodle.key.getKeyID())
                ? Optional.of(publicKey(moodle.key))
                : Optional.empty(),
        ledger,
        Clock.fixed(NOW, ZoneOffset.UTC),
        URI.create(TestPlatform.TOOL));
  }

  private static java.security.interfaces.RSAPublicKey publicKey(RSAKey key) {
    try {
      return key.toRSAPublicKey();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token changed in one way, with its state issued. */
  private String token(UnaryOperator<JWTClaimsSet.Builder> change) {
    ledger.issue(STATE, 1, NONCE);
    return moodle.sign(change.apply(moodle.resourceLinkClaims(NONCE, NOW)).build());
  }

  private Refusal refusalOf(String idToken) {
    return refusalOf(idToken, STATE);
  }

  private Refusal refusalOf(String idToken, String state) {
    return assertThrows(LaunchRefusedException.class, () -> validator().validate(idToken, state))
        .refusal();
  }

  @Test
  void acceptsAValidMoodleLaunch() {
    ValidLaunch launch = validator().validate(token(c -> c), STATE);

    assertEquals(MessageType.RESOURCE_LINK, launch.messageType());
    assertEquals("42", launch.subject());
    assertEquals("3", launch.contextId());
    assertEquals(Optional.of("12"), launch.resourceLinkId());
    assertEquals("Ada Lovelace", launch.profile().name());
    assertEquals(1, launch.registration().platformId());
    assertTrue(ledger.pendingNonces.isEmpty(), "the login's nonce, and with it its state, is used");
  }

  @Test
  void acceptsSeveralAudiencesWhenAzpNamesUs() {
    String idToken =
        token(
            c ->
                c.audience(List.of("other", TestPlatform.CLIENT_ID))
                    .claim("azp", TestPlatform.CLIENT_ID));

    assertEquals("42", validator().validate(idToken, STATE).subject());
  }

  @Test
  void acceptsNumericIdsAndAnEmptyRoleList() {
    String idToken =
        token(
            c ->
                c.claim(LtiClaims.ROLES, List.of())
                    .claim(LtiClaims.RESOURCE_LINK, Map.of("id", 12))
                    .claim(LtiClaims.CONTEXT, Map.of("id", 3)));

    ValidLaunch launch = validator().validate(idToken, STATE);
    assertEquals(Optional.of("12"), launch.resourceLinkId());
    assertEquals("3", launch.contextId());
  }

  @Test
  void acceptsADeepLinkingRequest() {
    String idToken =
        token(
            c ->
                c.claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest")
                    .claim(LtiClaims.RESOURCE_LINK, null)
                    .claim(
                        LtiClaims.DEEP_LINKING_SETTINGS,
                        Map.of(
                            "deep_link_return_url",
                            TestPlatform.ISSUER + "/mod/lti/contentitem_return.php?course=3",
                            "accept_types",
                            List.of("ltiResourceLink"))));

    assertEquals(MessageType.DEEP_LINKING, validator().validate(idToken, STATE).messageType());
  }

  @Test
  void refusesAnUnsignedToken() {
    ledger.issue(STATE, 1, NONCE);
    String unsigned = new PlainJWT(moodle.resourceLinkClaims(NONCE, NOW).build()).serialize();

    assertEquals(Refusal.ALGORITHM_NOT_ALLOWED, refusalOf(unsigned));
  }

  @Test
  void refusesHs256SignedWithThePlatformsPublicKey() throws Exception {
    ledger.issue(STATE, 1, NONCE);
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(moodle.key.getKeyID()).build(),
            moodle.resourceLinkClaims(NONCE, NOW).build());
    forged.sign(new MACSigner(publicKey(moodle.key).getEncoded()));

    assertEquals(Refusal.ALGORITHM_NOT_ALLOWED, refusalOf(forged.serialize()));
  }

  @Test
  void refusesATokenWithoutKeyId() throws Exception {
    ledger.issue(STATE, 1, NONCE);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
            moodle.resourceLinkClaims(NONCE, NOW).build());
    jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(moodle.key));

    assertEquals(Refusal.KEY_ID_MISSING, refusalOf(jwt.serialize()));
  }

  @Test
  void refusesAnUnknownKeyEvenWithAKnownKeyId() {
    ledger.issue(STATE, 1, NONCE);
    RSAKey impostor = TestPlatform.newKey(moodle.key.getKeyID());

    String forged = TestPlatform.sign(moodle.resourceLinkClaims(NONCE, NOW).build(), impostor);

    assertEquals(Refusal.SIGNATURE_INVALID, refusalOf(forged));
  }

  @Test
  void refusesAKeyIdThePlatformDoesNotPublish() {
    ledger.issue(STATE, 1, NONCE);
    String idToken =
        TestPlatform.sign(
            moodle.resourceLinkClaims(NONCE, NOW).build(), TestPlatform.newKey("unknown-kid"));

    assertEquals(Refusal.KEY_UNKNOWN, refusalOf(idToken));
  }

  @Test
  void saysSoWhenThePlatformKeysCannotBeFetched() {
    ledger.issue(STATE, 1, NONCE);
    String idToken = moodle.sign(moodle.resourceLinkClaims(NONCE, NOW).build());
    LaunchValidator unreachable =
        new LaunchValidator(
            issuer -> registered,
            (platform, kid) -> {
              throw new PlatformKeysUnavailableException("HTTP 503", null);
            },
            ledger,
            Clock.fixed(NOW, ZoneOffset.UTC),
            URI.create(TestPlatform.TOOL));

    LaunchRefusedException e =
        assertThrows(LaunchRefusedException.class, () -> unreachable.validate(idToken, STATE));
    assertEquals(Refusal.PLATFORM_KEYS_UNREACHABLE, e.refusal());
  }

  @Test
  void refusesAnExpiredTokenBeyondTheLeeway() {
    Instant issued = NOW.minusSeconds(200);
    String idToken =
        token(
            c ->
                c.issueTime(Date.from(issued))
                    .expirationTime(Date.from(NOW.minus(LaunchValidator.CLOCK_LEEWAY))));

    assertEquals(Refusal.TOKEN_EXPIRED, refusalOf(idToken));
  }

  @Test
  void toleratesASmallClockDifference() {
    String idToken =
        token(
            c ->
                c.issueTime(Date.from(NOW.plusSeconds(30)))
                    .expirationTime(Date.from(NOW.minusSeconds(30))));

    assertEquals("42", validator().validate(idToken, STATE).subject());
  }

  @Test
  void refusesATokenIssuedInTheFuture() {
    String idToken =
        token(
            c ->
                c.issueTime(Date.from(NOW.plusSeconds(120)))
                    .expirationTime(Date.from(NOW.plusSeconds(180))));

    assertEquals(Refusal.ISSUED_IN_FUTURE, refusalOf(idToken));
  }

  @Test
  void refusesATokenForAnotherClient() {
    assertEquals(Refusal.AUDIENCE_MISMATCH, refusalOf(token(c -> c.audience("someone-else"))));
  }

  @Test
  void refusesSeveralAudiencesWithoutAzp() {
    assertEquals(
        Refusal.AZP_MISSING,
        refusalOf(token(c -> c.audience(List.of(TestPlatform.CLIENT_ID, "other")))));
  }

  @Test
  void refusesAnAzpThatIsNotUs() {
    assertEquals(
        Refusal.AZP_MISMATCH,
        refusalOf(
            token(
                c -> c.audience(List.of(TestPlatform.CLIENT_ID, "other")).claim("azp", "other"))));
  }

  @Test
  void refusesAnUnregisteredIssuer() {
    assertEquals(
        Refusal.ISSUER_UNKNOWN, refusalOf(token(c -> c.issuer("https://evil.example.com"))));
  }

  @Test
  void refusesLaunchesFromPendingAndDisabledRegistrations() {
    registered = List.of(new TestPlatform(1, PlatformStatus.PENDING).registration);
    assertEquals(Refusal.PLATFORM_PENDING, refusalOf(token(c -> c)));

    registered = List.of(new TestPlatform(1, PlatformStatus.DISABLED).registration);
    assertEquals(Refusal.PLATFORM_DISABLED, refusalOf(token(c -> c)));
  }

  @Test
  void refusesAnUnknownDeployment() {
    assertEquals(
        Refusal.DEPLOYMENT_UNKNOWN, refusalOf(token(c -> c.claim(LtiClaims.DEPLOYMENT_ID, "99"))));
  }

  @Test
  void refusesAMissingMessageTypeAndAnUnknownOne() {
    assertEquals(
        Refusal.MESSAGE_TYPE_UNSUPPORTED,
        refusalOf(token(c -> c.claim(LtiClaims.MESSAGE_TYPE, null))));
    assertEquals(
        Refusal.MESSAGE_TYPE_UNSUPPORTED,
        refusalOf(token(c -> c.claim(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest"))));
  }

  @Test
  void refusesAnotherLtiVersion() {
    assertEquals(
        Refusal.VERSION_UNSUPPORTED, refusalOf(token(c -> c.claim(LtiClaims.VERSION, "1.1"))));
  }

  @Test
  void refusesANonceUsedBefore() {
    String idToken = token(c -> c);
    ledger.pendingNonces.remove(NONCE);

    assertEquals(Refusal.NONCE_REPLAYED, refusalOf(idToken));
  }

  @Test
  void refusesTheSameLaunchPostedTwice() {
    String idToken = token(c -> c);
    validator().validate(idToken, STATE);

    assertEquals(Refusal.NONCE_REPLAYED, refusalOf(idToken));
  }

  @Test
  void refusesAStateWeNeverIssued() {
    assertEquals(Refusal.STATE_UNKNOWN, refusalOf(token(c -> c), "made-up-state"));
  }

  @Test
  void refusesAnExpiredState() {
    String idToken = token(c -> c);
    ledger.states.put(STATE, new LaunchLedger.IssuedState(1, NONCE, null, null, true));

    assertEquals(Refusal.STATE_EXPIRED, refusalOf(idToken));
  }

  @Test
  void refusesAStateIssuedForAnotherRegistration() {
    String idToken = token(c -> c);
    ledger.issue(STATE, 2, NONCE);

    assertEquals(Refusal.STATE_MISMATCH, refusalOf(idToken));
  }

  @Test
  void refusesATokenWhoseNonceIsNotTheLoginsNonce() {
    String idToken = token(c -> c.claim("nonce", "attackers-own-nonce"));

    assertEquals(Refusal.NONCE_MISMATCH, refusalOf(idToken));
  }

  @Test
  void refusesATokenWithoutNonce() {
    assertEquals(Refusal.NONCE_MISSING, refusalOf(token(c -> c.claim("nonce", null))));
  }

  @Test
  void refusesMissingRequiredClaims() {
    assertEquals(Refusal.CLAIM_MISSING, refusalOf(token(c -> c.subject(null))));
    assertEquals(Refusal.CLAIM_MISSING, refusalOf(token(c -> c.subject(" "))));
    assertEquals(Refusal.CLAIM_MISSING, refusalOf(token(c -> c.claim(LtiClaims.ROLES, null))));
    assertEquals(
        Refusal.CLAIM_MISSING,
        refusalOf(token(c -> c.claim(LtiClaims.RESOURCE_LINK, Map.of("title", "no id")))));
    assertEquals(Refusal.CLAIM_MISSING, refusalOf(token(c -> c.claim(LtiClaims.CONTEXT, null))));
  }

  @Test
  void refusesATargetLinkOutsideTheTool() {
    for (String foreign :
        List.of(
            "https://evil.example.com/lti/launch",
            "https://peerloop.example.org.evil.com/lti/launch",
            "https://peerloop.example.org:8443/lti/launch",
            "http://peerloop.example.org/lti/launch",
            "not a url")) {
      assertEquals(
          Refusal.TARGET_LINK_FOREIGN,
          refusalOf(token(c -> c.claim(LtiClaims.TARGET_LINK_URI, foreign))),
          foreign);
    }
  }

  @Test
  void refusesAnOversizedToken() {
    ledger.issue(STATE, 1, NONCE);
    String huge = "a".repeat(LaunchValidator.MAX_TOKEN_LENGTH + 1);

    assertEquals(Refusal.TOKEN_TOO_LARGE, refusalOf(huge));
  }

  @Test
  void refusesGarbage() {
    ledger.issue(STATE, 1, NONCE);
    for (String garbage : List.of("garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")) {
      assertEquals(Refusal.TOKEN_MALFORMED, refusalOf(garbage), garbage);
    }
  }

  @Test
  void refusesARequestWithoutTokenOrState() {
    assertEquals(Refusal.REQUEST_INCOMPLETE, refusalOf(null));
    assertEquals(Refusal.REQUEST_INCOMPLETE, refusalOf(token(c -> c), ""));
  }

  @Test
  void aRefusedTokenLeavesTheStateAndNonceUnused() {
    refusalOf(token(c -> c.claim(LtiClaims.DEPLOYMENT_ID, "99")));

    assertTrue(ledger.pendingNonces.contains(NONCE), "the login can still complete");
  }

  @Test
  void everyRefusalHasADistinctCodeAndA4xxOr502Status() {
    assertEquals(
        Refusal.values().length,
        java.util.Arrays.stream(Refusal.values()).map(Refusal::code).distinct().count());
    for (Refusal refusal : Refusal.values()) {
      assertTrue(refusal.code().matches("[a-z0-9-]+"), refusal.code());
      assertTrue(
          refusal.status() >= 400 && refusal.status() < 500 || refusal.status() == 502,
          refusal.name());
    }
    assertEquals("nonce-replayed", Refusal.NONCE_REPLAYED.code());
  }
}
