package org.peerloop.lti.launch;

/**
 * Why a launch was refused: one stable code per validation rule, the HTTP status it is answered
 * with, and a sentence for the person who sees the page inside their course.
 */
public enum Refusal {
  LOGIN_INCOMPLETE(400, "The LMS started the login without the parameters LTI requires."),
  CLIENT_ID_REQUIRED(
      400, "This LMS has several PeerLoop registrations; its login must name the client id."),
  PLATFORM_ERROR(400, "The LMS refused to sign you in to PeerLoop."),
  REQUEST_TOO_LARGE(413, "The launch request is larger than any real launch."),
  TOO_MANY_REQUESTS(
      429, "Too many sign-ins from your network right now; open the activity again in a minute."),
  REQUEST_INCOMPLETE(
      400, "The launch request is incomplete: it must carry an id_token and a state."),
  TOKEN_TOO_LARGE(400, "The launch token is larger than any real launch token."),
  TOKEN_MALFORMED(400, "The launch token is not a signed JSON Web Token."),
  ALGORITHM_NOT_ALLOWED(401, "The launch token must be signed with RS256."),
  KEY_ID_MISSING(401, "The launch token does not name the key that signed it (no kid)."),
  ISSUER_UNKNOWN(403, "This LMS is not registered with PeerLoop."),
  AUDIENCE_MISMATCH(
      403, "The launch token is meant for another tool: its audience is not PeerLoop's client id."),
  AZP_MISSING(401, "The launch token has several audiences but no authorized party (azp)."),
  AZP_MISMATCH(401, "The launch token's authorized party (azp) is not PeerLoop's client id."),
  PLATFORM_PENDING(
      403, "PeerLoop is registered with this LMS but waits for an administrator's approval."),
  PLATFORM_DISABLED(403, "An administrator has disabled PeerLoop for this LMS."),
  PLATFORM_KEYS_UNREACHABLE(
      502, "PeerLoop could not fetch this LMS's public keys to check the launch."),
  KEY_UNKNOWN(401, "The launch token was signed with a key this LMS does not publish."),
  SIGNATURE_INVALID(401, "The launch token's signature is not valid."),
  TOKEN_EXPIRED(
      401, "The launch token has expired. Check the LMS server's clock, then launch again."),
  ISSUED_IN_FUTURE(401, "The launch token was issued in the future. Check the LMS server's clock."),
  NONCE_MISSING(401, "The launch token has no nonce."),
  DEPLOYMENT_UNKNOWN(403, "This deployment of PeerLoop is not registered for this LMS."),
  VERSION_UNSUPPORTED(400, "The launch is not an LTI 1.3.0 launch."),
  MESSAGE_TYPE_UNSUPPORTED(400, "PeerLoop does not handle this kind of LTI message."),
  CLAIM_MISSING(400, "The launch lacks information PeerLoop needs."),
  TARGET_LINK_FOREIGN(403, "The launch points to an address outside PeerLoop."),
  STATE_UNKNOWN(
      401, "This launch was not started by PeerLoop. Open the activity again from the course."),
  STATE_EXPIRED(
      401, "This launch took too long to complete. Open the activity again from the course."),
  STATE_MISMATCH(401, "This launch was started for another LMS registration."),
  NONCE_MISMATCH(401, "The launch token does not belong to the login PeerLoop started."),
  NONCE_REPLAYED(401, "This launch was already used. Open the activity again from the course."),
  BROWSER_BINDING_FAILED(
      401, "This launch was completed in another browser than the one that started it.");

  private final int status;
  private final String sentence;

  Refusal(int status, String sentence) {
    this.status = status;
    this.sentence = sentence;
  }

  /** The machine-readable code, e.g. {@code nonce-replayed}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public int status() {
    return status;
  }

  public String sentence() {
    return sentence;
  }
}
