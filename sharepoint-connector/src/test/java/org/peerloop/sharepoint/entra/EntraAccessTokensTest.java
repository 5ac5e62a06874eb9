package org.peerloop.sharepoint.entra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each token breaks exactly one rule and must be refused for that rule; the valid ones of both
 * versions are accepted. The keys come from a local server standing in for Microsoft's.
 */
class EntraAccessTokensTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private LocalEntra entra;
  private EntraAccessTokens tokens;

  @BeforeEach
  void start() throws Exception {
    entra = new LocalEntra();
    tokens =
        new EntraAccessTokens(
            new EntraSigningKeys(HttpClient.newHttpClient(), entra.authority()),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    entra.close();
  }

  private EntraUser validate(String token) throws EntraTokenRefusedException {
    return tokens.validate(
        token,
        tid -> tid.equals(LocalEntra.TENANT) ? Optional.of(entra.tenant()) : Optional.empty());
  }

  private void assertRefused(EntraRefusal expected, String token) {
    EntraTokenRefusedException refused =
        assertThrows(EntraTokenRefusedException.class, () -> validate(token));
    assertEquals(expected, refused.refusal(), refused.getMessage());
  }

  @Test
  void acceptsAV2Token() throws Exception {
    EntraUser user = validate(entra.sign(LocalEntra.v2(NOW)));
    assertEquals(LocalEntra.TENANT, user.tenantId());
    assertEquals(LocalEntra.OID, user.objectId());
    assertEquals("Abe Lincoln", user.name());
    assertEquals("abeli@contoso.example", user.username());
    assertEquals(LocalEntra.WEB_PART_APP, user.clientApp());
    assertEquals("2.0", user.version());
  }

  @Test
  void acceptsAV1Token() throws Exception {
    EntraUser user = validate(entra.sign(LocalEntra.v1(NOW)));
    assertEquals(LocalEntra.OID, user.objectId());
    assertEquals("abeli@contoso.example", user.username());
    assertEquals("1.0", user.version());
  }

  @Test
  void refusesAnUnregisteredTenant() throws Exception {
    assertRefused(
        EntraRefusal.TENANT_UNKNOWN,
        entra.sign(
            LocalEntra.v2(NOW)
                .claim("tid", LocalEntra.OTHER_TENANT)
                .issuer("https://login.microsoftonline.com/" + LocalEntra.OTHER_TENANT + "/v2.0")));
  }

  @Test
  void refusesTheIssuerOfAnotherTenantCarryingThisTid() throws Exception {
    assertRefused(
        EntraRefusal.ISSUER,
        entra.sign(
            LocalEntra.v2(NOW)
                .issuer("https://login.microsoftonline.com/" + LocalEntra.OTHER_TENANT + "/v2.0")));
    assertRefused(
        EntraRefusal.ISSUER,
        entra.sign(
            LocalEntra.v1(NOW).issuer("https://sts.windows.net/" + LocalEntra.OTHER_TENANT + "/")));
  }

  @Test
  void refusesAV1IssuerOnAV2Token() throws Exception {
    assertRefused(
        EntraRefusal.ISSUER,
        entra.sign(
            LocalEntra.v2(NOW).issuer("https://sts.windows.net/" + LocalEntra.TENANT + "/")));
  }

  @Test
  void refusesAWrongAudience() throws Exception {
    assertRefused(
        EntraRefusal.AUDIENCE,
        entra.sign(LocalEntra.v2(NOW).audience("00000003-0000-0000-c000-000000000000")));
    // Each version has its own audience: the App ID URI is not a v2.0 audience.
    assertRefused(
        EntraRefusal.AUDIENCE, entra.sign(LocalEntra.v2(NOW).audience(LocalEntra.APP_ID_URI)));
    assertRefused(EntraRefusal.AUDIENCE, entra.sign(LocalEntra.v1(NOW).audience("api://other")));
  }

  @Test
  void refusesAnExpiredTokenBeyondTheSkew() throws Exception {
    Instant past = NOW.minus(EntraAccessTokens.SKEW).minusSeconds(1);
    assertRefused(
        EntraRefusal.EXPIRED, entra.sign(LocalEntra.v2(NOW).expirationTime(Date.from(past))));
    // Within the skew it is still fine.
    validate(entra.sign(LocalEntra.v2(NOW).expirationTime(Date.from(NOW.minusSeconds(30)))));
  }

  @Test
  void refusesATokenWithoutExpiry() throws Exception {
    assertRefused(EntraRefusal.EXPIRED, entra.sign(LocalEntra.v2(NOW).expirationTime(null)));
  }

  @Test
  void refusesANotBeforeInTheFuture() throws Exception {
    Instant later = NOW.plus(EntraAccessTokens.SKEW).plusSeconds(1);
    assertRefused(
        EntraRefusal.NOT_YET_VALID, entra.sign(LocalEntra.v2(NOW).notBeforeTime(Date.from(later))));
  }

  @Test
  void refusesATokenWithoutTheScope() throws Exception {
    assertRefused(EntraRefusal.SCOPE, entra.sign(LocalEntra.v2(NOW).claim("scp", "User.Read")));
    // A scope that merely contains the name is not the scope.
    assertRefused(
        EntraRefusal.SCOPE, entra.sign(LocalEntra.v2(NOW).claim("scp", "user_impersonation_x")));
  }

  @Test
  void refusesAnAppOnlyToken() throws Exception {
    assertRefused(EntraRefusal.APP_ONLY, entra.sign(LocalEntra.appOnly(NOW)));
    assertRefused(EntraRefusal.APP_ONLY, entra.sign(LocalEntra.v2(NOW).claim("scp", null)));
  }

  @Test
  void refusesAClientAppNotAllowed() throws Exception {
    assertRefused(
        EntraRefusal.CLIENT_APP,
        entra.sign(LocalEntra.v2(NOW).claim("azp", "11111111-2222-3333-4444-555555555555")));
    assertRefused(EntraRefusal.CLIENT_APP, entra.sign(LocalEntra.v1(NOW).claim("appid", null)));
  }

  @Test
  void refusesATokenWithoutAPerson() throws Exception {
    assertRefused(EntraRefusal.SUBJECT_MISSING, entra.sign(LocalEntra.v2(NOW).claim("oid", null)));
  }

  @Test
  void refusesAnUnknownVersion() throws Exception {
    assertRefused(EntraRefusal.VERSION, entra.sign(LocalEntra.v2(NOW).claim("ver", "3.0")));
  }

  @Test
  void refusesAnUnsignedToken() {
    assertRefused(
        EntraRefusal.ALGORITHM,
        new PlainJWT(new PlainHeader(), LocalEntra.v2(NOW).build()).serialize());
  }

  @Test
  void refusesAnHs256TokenKeyedWithThePublicKey() throws Exception {
    // The classic confusion attack: the RSA public key used as an HMAC secret.
    byte[] publicKey = entra.signingKey().toRSAPublicKey().getEncoded();
    byte[] secret = new byte[Math.max(32, publicKey.length)];
    System.arraycopy(publicKey, 0, secret, 0, publicKey.length);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(entra.signingKey().getKeyID()).build(),
            LocalEntra.v2(NOW).build());
    jwt.sign(new MACSigner(secret));
    assertRefused(EntraRefusal.ALGORITHM, jwt.serialize());
  }

  @Test
  void refusesATokenWithoutKeyId() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), LocalEntra.v2(NOW).build());
    jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(entra.signingKey()));
    assertRefused(EntraRefusal.KEY_ID_MISSING, jwt.serialize());
  }

  @Test
  void refusesASignatureByAnotherKeyUnderAKnownKeyId() throws Exception {
    RSAKey impostor =
        new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
            .keyID(entra.signingKey().getKeyID())
            .generate();
    assertRefused(EntraRefusal.SIGNATURE, LocalEntra.sign(LocalEntra.v2(NOW), impostor));
  }

  @Test
  void refusesATamperedToken() throws Exception {
    String token = entra.sign(LocalEntra.v2(NOW));
    String[] parts = token.split("\\.");
    String forged =
        com.nimbusds.jose.util.Base64URL.encode(
                LocalEntra.v2(NOW)
                    .claim("oid", "00000000-0000-4000-8000-000000000000")
                    .build()
                    .toString())
            .toString();
    assertRefused(EntraRefusal.SIGNATURE, parts[0] + "." + forged + "." + parts[2]);
  }

  @Test
  void refusesGarbageAndOversizedTokens() {
    assertRefused(EntraRefusal.MALFORMED, "not a token");
    assertRefused(EntraRefusal.MALFORMED, "");
    assertRefused(EntraRefusal.MALFORMED, "a".repeat(EntraAccessTokens.MAX_TOKEN_CHARS + 1));
  }

  @Test
  void seesARotatedKeyAtOnceButDoesNotRefetchForEveryUnknownKid() throws Exception {
    validate(entra.sign(LocalEntra.v2(NOW)));
    assertEquals(1, entra.fetches.get());

    // Microsoft publishes a new key and signs with it: one refetch finds it.
    RSAKey next = entra.rotate();
    validate(LocalEntra.sign(LocalEntra.v2(NOW), next));
    assertEquals(2, entra.fetches.get());

    // Tokens with made-up key ids are refused without a fetch each.
    for (int i = 0; i < 20; i++) {
      assertRefused(
          EntraRefusal.KEY_UNKNOWN, LocalEntra.sign(LocalEntra.v2(NOW), LocalEntra.newKey()));
    }
    assertEquals(2, entra.fetches.get(), "no further fetch within the rate limit's interval");
    // The keys already held keep working meanwhile.
    validate(LocalEntra.sign(LocalEntra.v2(NOW), next));
  }

  @Test
  void reportsKeysThatCannotBeFetched() throws Exception {
    String token = entra.sign(LocalEntra.v2(NOW));
    entra.close();
    assertRefused(EntraRefusal.KEYS_UNAVAILABLE, token);
  }
}
