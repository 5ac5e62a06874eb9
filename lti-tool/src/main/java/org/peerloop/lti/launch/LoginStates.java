package org.peerloop.lti.launch;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.peerloop.keys.MacKeyRing;
import org.peerloop.lti.session.HmacJwt;
import org.peerloop.lti.session.ToolSecrets;
import org.peerloop.signin.PendingLogin;
import org.peerloop.signin.SignInRecords;

/**
 * The OIDC state of a login (OpenID Connect Core §3.1.2.1; 1EdTech Security Framework §5.1.1.1): a
 * token the tool signs (HS256) that binds the platform, the login's nonce and the platform's
 * storage frame until its expiry. The login's server-side one-time record is its nonce's {@link
 * PendingLogin}: a launch must bring the nonce its state binds, and completing that record uses up
 * the state and the nonce together, once, on whichever node the launch reaches, with no cookie.
 *
 * <p>Where the platform offers a storage frame, the login also makes a second random value that the
 * login page keeps in the platform's storage (LTI Client-Side postMessages, {@code lti-cs-oidc});
 * the state carries only its hash. The state is signed, not encrypted, so nothing it carries can
 * bind the browser: a value readable in the state would be readable to whoever captured the state.
 * See {@link LaunchBinding}.
 */
@Dependent
public class LoginStates {
  static final JOSEObjectType TYPE = new JOSEObjectType("peerloop-login-state+jwt");

  /** Far longer than any state this class signs (about 300 characters); refused unread. */
  static final int MAX_LENGTH = 2048;

  private static final String PLATFORM = "plt";
  private static final String NONCE = "nonce";
  private static final String STORAGE_TARGET = "st";
  private static final String BINDING_HASH = "bh";

  /**
   * A state to send with the authentication request, the nonce it binds, and the value to keep in
   * the platform's storage ({@code null} without a storage frame).
   */
  public record Issued(String state, String nonce, String binding) {}

  private final SignInRecords records;
  private final HmacJwt jwt;
  private final Clock clock;

  @Inject
  public LoginStates(SignInRecords records, ToolSecrets secrets, Clock clock) {
    this(records, secrets.ring(ToolSecrets.LOGIN_STATE), clock);
  }

  LoginStates(SignInRecords records, byte[] secret, Clock clock) {
    this(records, MacKeyRing.of(secret), clock);
  }

  LoginStates(SignInRecords records, MacKeyRing secrets, Clock clock) {
    this.records = records;
    this.jwt = new HmacJwt(secrets, TYPE);
    this.clock = clock;
  }

  /** Starts a login to this platform: its pending record, and the state that binds its nonce. */
  public Issued issue(long platformId, String storageTarget) {
    PendingLogin login = records.startLogin();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .expirationTime(Date.from(login.expiresAt()))
            .claim(PLATFORM, platformId)
            .claim(NONCE, login.nonce());
    String binding = null;
    if (storageTarget != null) {
      binding = SignInRecords.randomValue();
      claims.claim(STORAGE_TARGET, storageTarget).claim(BINDING_HASH, LaunchBinding.hash(binding));
    }
    return new Issued(jwt.sign(claims.build()), login.nonce(), binding);
  }

  /**
   * What a state posted to the launch binds; empty when the tool did not sign it. Reads nothing
   * from the database: whether its login is still pending is for {@link #complete} to say.
   */
  public Optional<LaunchLedger.IssuedState> read(String state) {
    if (state == null || state.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return jwt.verify(state).flatMap(this::read);
  }

  private Optional<LaunchLedger.IssuedState> read(JWTClaimsSet claims) {
    try {
      Long platformId = claims.getLongClaim(PLATFORM);
      String nonce = claims.getStringClaim(NONCE);
      Date expiry = claims.getExpirationTime();
      if (platformId == null || nonce == null || expiry == null) {
        return Optional.empty();
      }
      return Optional.of(
          new LaunchLedger.IssuedState(
              platformId,
              nonce,
              claims.getStringClaim(STORAGE_TARGET),
              claims.getStringClaim(BINDING_HASH),
              !clock.instant().isBefore(expiry.toInstant())));
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  /** Completes the login that issued this nonce; false when it was completed before. */
  public boolean complete(String nonce) {
    return records.completeLogin(nonce);
  }
}
