package org.peerloop.keys;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An id that carries its own proof: {@code id.mac}, the MAC (HMAC-SHA256, shortened to 132 bits)
 * over a purpose, a scope and the id. Only this tool can make one, an edited id no longer matches,
 * and one made for another purpose or scope is not recognised. For values handed to people or
 * platforms that come back later: a deep link's custom parameter, an unsubscribe link. Signed with
 * the current version of the purpose's secret; any version still verifies, so values handed out
 * before a rotation keep working.
 */
public final class SignedId {
  private static final int MAC_CHARS = 22;
  private static final int MAX_LENGTH = 64;

  private final MacKeyRing ring;
  private final String purpose;

  public SignedId(byte[] secret, String purpose) {
    this(MacKeyRing.of(secret), purpose);
  }

  public SignedId(MacKeyRing ring, String purpose) {
    this.ring = ring;
    this.purpose = purpose;
  }

  public String sign(String scope, long id) {
    return id + "." + mac(ring.current(), scope, id);
  }

  /** The id, if this tool signed it for this purpose and scope. */
  public OptionalLong read(String scope, String signed) {
    if (signed == null || signed.length() > MAX_LENGTH) {
      return OptionalLong.empty();
    }
    int dot = signed.indexOf('.');
    if (dot <= 0) {
      return OptionalLong.empty();
    }
    long id;
    try {
      id = Long.parseLong(signed.substring(0, dot));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
    byte[] given = signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    boolean matches = false;
    for (byte[] secret : ring.all()) {
      // Every version is compared, so the time taken does not say which one matched.
      matches |=
          MessageDigest.isEqual(mac(secret, scope, id).getBytes(StandardCharsets.US_ASCII), given);
    }
    return matches ? OptionalLong.of(id) : OptionalLong.empty();
  }

  private String mac(byte[] secret, String scope, long id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest =
          mac.doFinal((purpose + ":" + scope + ":" + id).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, MAC_CHARS);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every Java runtime provides HmacSHA256", e);
    }
  }
}
