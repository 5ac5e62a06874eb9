package org.peerloop.community;

import java.util.OptionalLong;
import org.peerloop.keys.MacKeyRing;
import org.peerloop.keys.SignedId;

/**
 * The custom parameter that binds a deep-linked resource link to its space: the space's id and a
 * MAC over the platform and the id. Designers can read and edit custom parameters in the LMS, so
 * the id alone would let anyone point a link at another course's space; with the MAC an edited or
 * foreign value is simply not recognised.
 */
final class SpaceBindingCode {
  /** The custom parameter's name. */
  static final String PARAMETER = "peerloop_space";

  private final SignedId ids;

  SpaceBindingCode(byte[] secret) {
    this(MacKeyRing.of(secret));
  }

  SpaceBindingCode(MacKeyRing secrets) {
    this.ids = new SignedId(secrets, "space-binding");
  }

  String code(long platformId, long spaceId) {
    return ids.sign(String.valueOf(platformId), spaceId);
  }

  /** The space id, if the code was made by this tool for this platform. */
  OptionalLong spaceId(long platformId, String code) {
    return ids.read(String.valueOf(platformId), code);
  }
}
