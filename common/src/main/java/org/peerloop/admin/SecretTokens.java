package org.peerloop.admin;

import java.security.SecureRandom;
import java.util.Base64;

/** Random one-time tokens: 256 bits, URL-safe. */
final class SecretTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
