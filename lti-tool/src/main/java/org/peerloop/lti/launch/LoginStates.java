package org.peerloop.lti.launch;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.peerloop.lti.session.HmacJwt;
import org.peerloop.lti.session.ToolSecrets;
import org.peerloop.signin.LoginState;
import org.peerloop.signin.SignInRecords;

/**
 * The OIDC state of a login (OpenID Connect Core §3.1.2.1; 1EdTech Security Framework §5.1.1.1): a
 * token the tool signs (HS256) that binds the platform, the nonce and the platform's storage frame
 * until its expiry, and a server-side one-time record of its id. The launch reads what the state
 * binds from the token and consumes the record with one delete, so a state works once, on whichever
 * node it reaches, and with no cookie. Joins the caller's transaction.
 */
@Dependent
public class LoginStates {
  static final JOSEObjectType TYPE = new JOSEObjectType("peerloop-login-state+jwt");

  /** Far longer than any state this class signs (about 300 characters); refused unread. */
  static final int MAX_LENGTH = 2048;

  private static final String PLATFORM = "plt";
  private static final String NONCE = "nonce";
  private static final String STORAGE_TARGET = "st";

  /** A state to send with the authentication request, and the nonce it binds. */
  public record Issued(String state, String nonce) {}

  private final SignInRecords records;
  private final HmacJwt jwt;
  private final Clock clock;

  @Inject
  public LoginStates(SignInRecords records, ToolSecrets secrets, Clock clock) {
    this(records, secrets.secret(ToolSecrets.LOGIN_STATE), clock);
  }

  LoginStates(SignInRecords records, byte[] secret, Clock clock) {
    this.records = records;
    this.jwt = new HmacJwt(secret, TYPE);
    this.clock = clock;
  }

  /** A fresh state for a login to this platform, its record kept until the state expires. */
  public Issued issue(long platformId, String storageTarget) {
    LoginState record = records.issueState();
    String nonce = SignInRecords.randomToken();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .jwtID(record.id())
            .expirationTime(Date.from(record.expiresAt()))
            .claim(PLATFORM, platformId)
            .claim(NONCE, nonce);
    if (storageTarget != null) {
      claims.claim(STORAGE_TARGET, storageTarget);
    }
    return new Issued(jwt.sign(claims.build()), nonce);
  }

  /**
   * What a state posted to the launch binds, its record consumed. Empty when the tool did not sign
   * it or it was used before. An expired state is returned as such, for the caller to refuse, and
   * its record is left for housekeeping.
   */
  public Optional<LaunchLedger.IssuedState> consume(String state) {
    if (state == null || state.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return jwt.verify(state).flatMap(this::consume);
  }

  private Optional<LaunchLedger.IssuedState> consume(JWTClaimsSet claims) {
    try {
      Long platformId = claims.getLongClaim(PLATFORM);
      String nonce = claims.getStringClaim(NONCE);
      Date expiry = claims.getExpirationTime();
      if (platformId == null || nonce == null || expiry == null || claims.getJWTID() == null) {
        return Optional.empty();
      }
      boolean expired = !clock.instant().isBefore(expiry.toInstant());
      if (!expired && !records.consumeState(claims.getJWTID())) {
        return Optional.empty();
      }
      return Optional.of(
          new LaunchLedger.IssuedState(
              platformId, nonce, claims.getStringClaim(STORAGE_TARGET), expired));
    } catch (ParseException e) {
      return Optional.empty();
    }
  }
}
