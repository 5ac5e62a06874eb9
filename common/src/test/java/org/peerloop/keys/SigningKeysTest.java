package org.peerloop.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.persistence.TestDatabase;

class SigningKeysTest {
  private final TestDatabase db = TestDatabase.create();

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void reportsNoKeyBeforeTheFirstIsMade() {
    assertFalse(new SigningKeys(db.em(), Clock.systemUTC()).hasCurrent());
    assertTrue(new SigningKeys(db.em(), Clock.systemUTC()).published().isEmpty());

    db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC()).current());

    assertTrue(new SigningKeys(db.em(), Clock.systemUTC()).hasCurrent());
  }

  @Test
  void makesOneKeyOnFirstUseAndKeepsIt() {
    String kid = db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC()).current().kid());
    String again = db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC()).current().kid());

    assertEquals(kid, again);
    List<SigningKey> published = new SigningKeys(db.em(), Clock.systemUTC()).published();
    assertEquals(1, published.size());
    assertEquals(SigningKeyStatus.CURRENT, published.get(0).status());
    assertEquals("RS256", published.get(0).algorithm());
  }

  @Test
  void storedKeysStillSignAndVerifyAfterAReload() throws Exception {
    db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC()).current());
    SigningKey stored = new SigningKeys(db.em(), Clock.systemUTC()).current();
    byte[] message = "launch".getBytes(StandardCharsets.UTF_8);

    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(stored.privateKey());
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(stored.publicKey());
    verifier.update(message);

    assertTrue(verifier.verify(signature));
    assertTrue(stored.publicKey().getModulus().bitLength() >= 2048);
    assertArrayEquals(stored.publicKey().getEncoded(), stored.publicKey().getEncoded());
  }

  @Test
  void neverPrintsThePrivateKey() {
    SigningKey key = db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC()).current());
    String encoded = java.util.Base64.getEncoder().encodeToString(key.privateKey().getEncoded());

    assertFalse(key.toString().contains(encoded.substring(0, 40)));
  }
}
