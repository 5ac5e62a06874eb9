package org.peerloop.people;

/**
 * What a platform tells about a person (OpenID Connect standard claims, as LTI Core §5.3.6 reuses
 * them). Any part may be missing: Moodle sends names and e-mail only when the tool asked for them.
 */
public record Profile(
    String name,
    String givenName,
    String familyName,
    String email,
    String pictureUrl,
    String locale) {

  public static Profile empty() {
    return new Profile(null, null, null, null, null, null);
  }
}
