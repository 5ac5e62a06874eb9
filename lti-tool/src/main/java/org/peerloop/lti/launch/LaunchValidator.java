package org.peerloop.lti.launch;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerloop.lti.platform.PlatformKeys;
import org.peerloop.lti.platform.PlatformKeysUnavailableException;
import org.peerloop.lti.platform.Registration;
import org.peerloop.platform.PlatformStatus;

/**
 * Checks an LTI 1.3 launch: the id_token and the OIDC state posted to the launch endpoint. The
 * rules run in the order of the 1EdTech Security Framework §5.1.3 and LTI Core §5.1–5.4, each
 * refusing with its own {@link Refusal}. The one check that writes (using up the login's nonce, and
 * with it its state) runs last, so a token refused for any other reason leaves no trace. No
 * container needed.
 */
public class LaunchValidator {
  /** Larger than any real id_token (Moodle's are 3–6 KB); refused before parsing. */
  public static final int MAX_TOKEN_LENGTH = 64 * 1024;

  /**
   * Tolerated clock difference with the platform. Moodle gives tokens 60 s of life, so a platform
   * clock a little ahead must not reject every launch (Security Framework §5.1.3 step 9 allows
   * leeway).
   */
  public static final Duration CLOCK_LEEWAY = Duration.ofSeconds(60);

  private final RegistrationLookup registrations;
  private final PlatformKeys platformKeys;
  private final LaunchLedger ledger;
  private final Clock clock;
  private final URI toolBaseUrl;

  public LaunchValidator(
      RegistrationLookup registrations,
      PlatformKeys platformKeys,
      LaunchLedger ledger,
      Clock clock,
      URI toolBaseUrl) {
    this.registrations = registrations;
    this.platformKeys = platformKeys;
    this.ledger = ledger;
    this.clock = clock;
    this.toolBaseUrl = toolBaseUrl;
  }

  public ValidLaunch validate(String idToken, String state) {
    if (idToken == null || idToken.isBlank() || state == null || state.isBlank()) {
      throw refuse(Refusal.REQUEST_INCOMPLETE, null);
    }
    if (idToken.length() > MAX_TOKEN_LENGTH) {
      throw refuse(Refusal.TOKEN_TOO_LARGE, "id_token of " + idToken.length() + " characters");
    }
    SignedJWT jwt = parse(idToken);
    JWTClaimsSet claims = claimsOf(jwt);

    // Security Framework §5.1.3 step 6, checked first because nothing else matters without it.
    JWSHeader header = jwt.getHeader();
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
      throw refuse(Refusal.ALGORITHM_NOT_ALLOWED, "alg " + header.getAlgorithm());
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw refuse(Refusal.KEY_ID_MISSING, null);
    }

    Registration platform = registrationFor(claims);
    checkSignature(jwt, platform);
    checkTimes(claims, platform);
    String nonce = stringClaim(claims, "nonce");
    if (nonce == null) {
      throw refuse(Refusal.NONCE_MISSING, null, platform);
    }

    String deploymentId = stringClaim(claims, LtiClaims.DEPLOYMENT_ID);
    if (deploymentId == null || !platform.deploymentIds().contains(deploymentId)) {
      throw refuse(Refusal.DEPLOYMENT_UNKNOWN, "deployment_id " + deploymentId, platform);
    }
    if (!LtiClaims.LTI_VERSION.equals(stringClaim(claims, LtiClaims.VERSION))) {
      throw refuse(
          Refusal.VERSION_UNSUPPORTED, "version " + claims.getClaim(LtiClaims.VERSION), platform);
    }
    String messageTypeClaim = stringClaim(claims, LtiClaims.MESSAGE_TYPE);
    MessageType messageType =
        MessageType.fromClaim(messageTypeClaim)
            .orElseThrow(
                () ->
                    refuse(
                        Refusal.MESSAGE_TYPE_UNSUPPORTED,
                        "message_type " + messageTypeClaim,
                        platform));
    checkRequiredClaims(claims, messageType, platform);
    String targetLinkUri = stringClaim(claims, LtiClaims.TARGET_LINK_URI);
    if (targetLinkUri == null || !ToolUrls.isOurs(toolBaseUrl, targetLinkUri)) {
      throw refuse(Refusal.TARGET_LINK_FOREIGN, "target_link_uri " + targetLinkUri, platform);
    }

    LaunchLedger.IssuedState issued = checkState(state, platform, nonce);
    // Step 10: the nonce is the one the state binds, so using it up uses up the state too.
    if (!ledger.useNonce(nonce)) {
      throw refuse(Refusal.NONCE_REPLAYED, null, platform);
    }
    return new ValidLaunch(
        platform, messageType, claims, issued.storageTarget(), issued.bindingHash());
  }

  private SignedJWT parse(String idToken) {
    try {
      return SignedJWT.parse(idToken.strip());
    } catch (ParseException | IllegalArgumentException e) {
      // Includes unsigned ("alg": "none") tokens, which are not JWS objects at all.
      if (idToken.strip().split("\\.", -1).length == 3 && looksUnsigned(idToken)) {
        throw refuse(Refusal.ALGORITHM_NOT_ALLOWED, "alg none");
      }
      throw refuse(Refusal.TOKEN_MALFORMED, null);
    }
  }

  private static boolean looksUnsigned(String token) {
    try {
      return Header.parse(Base64URL.from(token.strip().split("\\.")[0])).getAlgorithm()
          == Algorithm.NONE;
    } catch (ParseException | RuntimeException e) {
      return false;
    }
  }

  private JWTClaimsSet claimsOf(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw refuse(Refusal.TOKEN_MALFORMED, "the payload is not a JSON object");
    }
  }

  /** Steps 2–5: a registered issuer, our client id in the audience, and azp when required. */
  private Registration registrationFor(JWTClaimsSet claims) {
    String issuer = claims.getIssuer();
    List<Registration> candidates = issuer == null ? List.of() : registrations.byIssuer(issuer);
    if (candidates.isEmpty()) {
      throw refuse(Refusal.ISSUER_UNKNOWN, "iss " + issuer);
    }
    List<String> audience = claims.getAudience();
    Optional<Registration> match =
        candidates.stream().filter(r -> audience.contains(r.clientId())).findFirst();
    if (match.isEmpty()) {
      throw refuse(Refusal.AUDIENCE_MISMATCH, "iss " + issuer + ", aud " + audience);
    }
    Registration platform = match.get();
    Object azp = claims.getClaim("azp");
    if (audience.size() > 1 && azp == null) {
      throw refuse(Refusal.AZP_MISSING, null, platform);
    }
    if (azp != null && !platform.clientId().equals(azp)) {
      throw refuse(Refusal.AZP_MISMATCH, "azp " + azp, platform);
    }
    if (platform.status() == PlatformStatus.PENDING) {
      throw refuse(Refusal.PLATFORM_PENDING, null, platform);
    }
    if (platform.status() != PlatformStatus.ACTIVE) {
      throw refuse(Refusal.PLATFORM_DISABLED, null, platform);
    }
    return platform;
  }

  /** Step 7: the signature, with the platform's key named by kid. */
  private void checkSignature(SignedJWT jwt, Registration platform) {
    String kid = jwt.getHeader().getKeyID();
    RSAPublicKey key;
    try {
      key =
          platformKeys
              .find(platform, kid)
              .orElseThrow(() -> refuse(Refusal.KEY_UNKNOWN, "kid " + kid, platform));
    } catch (PlatformKeysUnavailableException e) {
      throw refuse(Refusal.PLATFORM_KEYS_UNREACHABLE, e.getMessage(), platform);
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(key))) {
        throw refuse(Refusal.SIGNATURE_INVALID, "kid " + kid, platform);
      }
    } catch (JOSEException e) {
      throw refuse(Refusal.SIGNATURE_INVALID, e.getMessage(), platform);
    }
  }

  /** Steps 8–9: not expired, not issued in the future, with a small leeway for clock skew. */
  private void checkTimes(JWTClaimsSet claims, Registration platform) {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || !now.isBefore(exp.toInstant().plus(CLOCK_LEEWAY))) {
      throw refuse(
          Refusal.TOKEN_EXPIRED, "exp " + (exp == null ? "missing" : exp.toInstant()), platform);
    }
    if (iat == null || iat.toInstant().isAfter(now.plus(CLOCK_LEEWAY))) {
      throw refuse(
          Refusal.ISSUED_IN_FUTURE, "iat " + (iat == null ? "missing" : iat.toInstant()), platform);
    }
  }

  private void checkRequiredClaims(JWTClaimsSet claims, MessageType type, Registration platform) {
    for (String required : type.requiredClaims()) {
      int hash = required.indexOf('#');
      Object value =
          hash < 0
              ? claims.getClaim(required)
              : claims.getClaim(required.substring(0, hash)) instanceof Map<?, ?> map
                  ? map.get(required.substring(hash + 1))
                  : null;
      if (!isPresent(value)) {
        throw refuse(
            Refusal.CLAIM_MISSING, "missing claim " + required.replace('#', '.'), platform);
      }
    }
  }

  /**
   * A list counts even when empty (LTI Core allows an empty roles array); text must not be blank.
   */
  private static boolean isPresent(Object value) {
    if (value instanceof String text) {
      return !text.isBlank();
    }
    if (value instanceof Map<?, ?> map) {
      return !map.isEmpty();
    }
    return value != null;
  }

  /** The state must be ours, fresh, and issued for this platform with this nonce. */
  private LaunchLedger.IssuedState checkState(String state, Registration platform, String nonce) {
    LaunchLedger.IssuedState issued =
        ledger.issuedState(state).orElseThrow(() -> refuse(Refusal.STATE_UNKNOWN, null, platform));
    if (issued.expired()) {
      throw refuse(Refusal.STATE_EXPIRED, null, platform);
    }
    if (issued.platformId() != platform.platformId()) {
      throw refuse(Refusal.STATE_MISMATCH, null, platform);
    }
    if (!issued.nonce().equals(nonce)) {
      throw refuse(Refusal.NONCE_MISMATCH, null, platform);
    }
    return issued;
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    return ValidLaunch.text(claims.getClaim(name));
  }

  private static LaunchRefusedException refuse(Refusal refusal, String detail) {
    return new LaunchRefusedException(refusal, detail);
  }

  private static LaunchRefusedException refuse(
      Refusal refusal, String detail, Registration platform) {
    return new LaunchRefusedException(refusal, detail, platform);
  }
}
