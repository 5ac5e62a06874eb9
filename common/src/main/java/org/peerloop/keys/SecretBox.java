package org.peerloop.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.peerloop.settings.SecretKey;

/**
 * Seals credentials that PeerLoop must keep in its database to call other services (an LRS
 * password): AES-256-GCM with a fresh 96-bit nonce per value (NIST SP 800-38D §8.2), and the
 * value's purpose as associated data, so a sealed value moved to another column does not open.
 */
public final class SecretBox {
  private static final String VERSION = "v1.";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public SecretBox(SecretKey key) {
    this.key = new SecretKeySpec(key.bytes(), "AES");
  }

  /** Whether a stored value is one this class sealed (of any key), rather than plain text. */
  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(VERSION);
  }

  /** The value sealed for one purpose, as text fit for a column. */
  public String seal(String purpose, String value) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed =
        cipher(Cipher.ENCRYPT_MODE, nonce, purpose).apply(value.getBytes(StandardCharsets.UTF_8));
    ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
    return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
  }

  /**
   * The value, if it was sealed with this key for this purpose.
   *
   * @throws IllegalStateException when it was not: another key, another purpose, or altered
   */
  public String open(String purpose, String sealed) {
    if (sealed == null || !sealed.startsWith(VERSION)) {
      throw new IllegalStateException("Not a sealed value");
    }
    byte[] all;
    try {
      all = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Not a sealed value");
    }
    if (all.length <= NONCE_BYTES) {
      throw new IllegalStateException("Not a sealed value");
    }
    byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
    byte[] body = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
    return new String(
        cipher(Cipher.DECRYPT_MODE, nonce, purpose).apply(body), StandardCharsets.UTF_8);
  }

  private interface Step {
    byte[] apply(byte[] input);
  }

  private Step cipher(int mode, byte[] nonce, String purpose) {
    return input -> {
      try {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(input);
      } catch (javax.crypto.AEADBadTagException e) {
        throw new IllegalStateException(
            "The sealed value does not open with this key for this purpose");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM is unavailable", e);
      }
    };
  }
}
