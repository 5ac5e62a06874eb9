package org.peerloop.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
  @Test
  void verifiesTheRightPasswordOnly() {
    String stored = PasswordHash.hash("correct horse battery staple");

    assertTrue(PasswordHash.verify("correct horse battery staple", stored));
    assertFalse(PasswordHash.verify("correct horse battery stapl", stored));
    assertFalse(PasswordHash.verify("", stored));
    assertFalse(PasswordHash.verify(null, stored));
  }

  @Test
  void storesTheSchemeTheWorkFactorAndASaltNeverThePassword() {
    String a = PasswordHash.hash("correct horse battery staple");
    String b = PasswordHash.hash("correct horse battery staple");

    assertTrue(a.startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$"), a);
    assertFalse(a.contains("horse"));
    assertNotEquals(a, b, "a random salt per hash");
  }

  @Test
  void anOlderWorkFactorStillVerifies() {
    String older = PasswordHash.hash("correct horse battery staple", 1_000);

    assertTrue(PasswordHash.verify("correct horse battery staple", older));
  }

  @Test
  void malformedHashesAndHugeInputVerifyNothing() {
    assertFalse(PasswordHash.verify("x", "md5$abc"));
    assertFalse(PasswordHash.verify("x", "pbkdf2-sha256$notanumber$AA$AA"));
    assertFalse(PasswordHash.verify("x", null));
    assertFalse(
        PasswordHash.verify(
            "a".repeat(PasswordHash.MAX_LENGTH + 1), PasswordHash.hash("x".repeat(12))));
  }
}
