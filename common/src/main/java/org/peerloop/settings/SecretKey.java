package org.peerloop.settings;

import java.util.Arrays;
import java.util.Base64;

/** A 256-bit key given in base64; it never prints itself. */
public final class SecretKey {
  public static final int BYTES = 32;

  private final byte[] bytes;

  public SecretKey(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("must be " + BYTES + " bytes");
    }
    this.bytes = bytes.clone();
  }

  /**
   * Reads base64 (standard or URL-safe) of exactly 32 bytes, e.g. {@code openssl rand -base64 32}.
   */
  public static SecretKey parse(String base64) {
    byte[] decoded;
    try {
      decoded =
          base64.contains("-") || base64.contains("_")
              ? Base64.getUrlDecoder().decode(base64)
              : Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be base64 (e.g. openssl rand -base64 32)");
    }
    if (decoded.length != BYTES) {
      throw new IllegalArgumentException(
          "must hold " + BYTES + " bytes in base64 (e.g. openssl rand -base64 32)");
    }
    return new SecretKey(decoded);
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretKey key && Arrays.equals(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SecretKey[hidden]";
  }
}
