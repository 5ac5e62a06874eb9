package org.peerloop.community;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The custom parameter that binds a deep-linked resource link to its space: the space's id and a
 * MAC over the platform and the id. Designers can read and edit custom parameters in the LMS, so
 * the id alone would let anyone point a link at another course's space; with the MAC an edited or
 * foreign value is simply not recognised.
 */
final class SpaceBindingCode {
  /** The custom parameter's name. */
  static final String PARAMETER = "peerloop_space";

  private static final int MAC_CHARS = 22;

  private final byte[] secret;

  SpaceBindingCode(byte[] secret) {
    this.secret = secret;
  }

  String code(long platformId, long spaceId) {
    return spaceId + "." + mac(platformId, spaceId);
  }

  /** The space id, if the code was made by this tool for this platform. */
  OptionalLong spaceId(long platformId, String code) {
    if (code == null || code.length() > 64) {
      return OptionalLong.empty();
    }
    int dot = code.indexOf('.');
    if (dot <= 0) {
      return OptionalLong.empty();
    }
    long spaceId;
    try {
      spaceId = Long.parseLong(code.substring(0, dot));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
    byte[] expected = mac(platformId, spaceId).getBytes(StandardCharsets.US_ASCII);
    byte[] given = code.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? OptionalLong.of(spaceId) : OptionalLong.empty();
  }

  private String mac(long platformId, long spaceId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest =
          mac.doFinal(
              ("space-binding:" + platformId + ":" + spaceId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, MAC_CHARS);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every Java runtime provides HmacSHA256", e);
    }
  }
}
