package org.peerloop.sharepoint.entra;

/** Why a token was refused: one reason per rule, in the order the rules are checked. */
public enum EntraRefusal {
  MALFORMED("entra-token-malformed", "The token is not a signed JWT"),
  ALGORITHM("entra-token-algorithm", "Only RS256 signatures are accepted"),
  KEY_ID_MISSING("entra-token-kid-missing", "The token names no signing key (kid)"),
  TENANT_UNKNOWN("entra-tenant-unknown", "The token's tenant is not registered with PeerLoop"),
  KEYS_UNAVAILABLE(
      "entra-keys-unavailable", "Microsoft's signing keys could not be fetched; try again"),
  KEY_UNKNOWN("entra-token-key-unknown", "The token's signing key is not one of the tenant's keys"),
  SIGNATURE("entra-token-signature", "The token's signature is not valid"),
  VERSION("entra-token-version", "The token is neither a v1.0 nor a v2.0 access token"),
  ISSUER("entra-token-issuer", "The token was not issued by the token's own tenant"),
  AUDIENCE("entra-token-audience", "The token is not meant for PeerLoop's API"),
  EXPIRED("entra-token-expired", "The token has expired"),
  NOT_YET_VALID("entra-token-not-yet-valid", "The token is not valid yet"),
  APP_ONLY("entra-token-app-only", "An application token cannot act for a person"),
  SCOPE("entra-token-scope", "The token lacks the scope PeerLoop's API requires"),
  CLIENT_APP(
      "entra-token-client-app", "The application that asked for the token is not allowed here"),
  SUBJECT_MISSING("entra-token-subject", "The token names no person (tid and oid)");

  private final String code;
  private final String message;

  EntraRefusal(String code, String message) {
    this.code = code;
    this.message = message;
  }

  /** The machine-readable reason, as the API answers it. */
  public String code() {
    return code;
  }

  public String message() {
    return message;
  }
}
