package org.peerloop.moodle.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "s3cr3t-shared-with-moodle";
  private static final byte[] BODY = "{\"id\":\"abcdefgh\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.ofEpochSecond(1_733_220_000);

  @Test
  void signsTheSharedVectorsExactly() {
    SignatureVectors vectors = SignatureVectors.load();
    assertTrue(vectors.vectors().size() >= 4);
    for (SignatureVectors.Vector v : vectors.vectors()) {
      byte[] body = v.body().getBytes(StandardCharsets.UTF_8);
      assertEquals(v.signature(), WebhookSignature.sign(v.secret(), v.timestamp(), body), v.body());
      assertDoesNotThrow(
          () ->
              WebhookSignature.verify(
                  v.secret(),
                  String.valueOf(v.timestamp()),
                  v.signature(),
                  body,
                  Instant.ofEpochSecond(v.timestamp())));
    }
  }

  @Test
  void acceptsASignatureWithinTheSkew() {
    String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond() - 299, BODY);
    assertDoesNotThrow(
        () ->
            WebhookSignature.verify(
                SECRET, String.valueOf(NOW.getEpochSecond() - 299), signature, BODY, NOW));
  }

  @Test
  void refusesAStaleOrFutureTimestamp() {
    for (long stamp : new long[] {NOW.getEpochSecond() - 301, NOW.getEpochSecond() + 301}) {
      String signature = WebhookSignature.sign(SECRET, stamp, BODY);
      assertEquals(
          "timestamp-stale",
          reason(
              () -> WebhookSignature.verify(SECRET, String.valueOf(stamp), signature, BODY, NOW)));
    }
  }

  @Test
  void refusesATamperedBodyTimestampOrSecret() {
    long stamp = NOW.getEpochSecond();
    String signature = WebhookSignature.sign(SECRET, stamp, BODY);
    byte[] tampered = "{\"id\":\"abcdefgi\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "signature-invalid",
        reason(
            () ->
                WebhookSignature.verify(SECRET, String.valueOf(stamp), signature, tampered, NOW)));
    assertEquals(
        "signature-invalid",
        reason(
            () ->
                WebhookSignature.verify(SECRET, String.valueOf(stamp - 1), signature, BODY, NOW)));
    assertEquals(
        "signature-invalid",
        reason(
            () -> WebhookSignature.verify("other", String.valueOf(stamp), signature, BODY, NOW)));
  }

  @Test
  void refusesMissingOrMalformedHeaders() {
    String stamp = String.valueOf(NOW.getEpochSecond());
    String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
    assertEquals(
        "signature-missing",
        reason(() -> WebhookSignature.verify(SECRET, null, signature, BODY, NOW)));
    assertEquals(
        "signature-missing", reason(() -> WebhookSignature.verify(SECRET, stamp, null, BODY, NOW)));
    assertEquals(
        "timestamp-invalid",
        reason(() -> WebhookSignature.verify(SECRET, "2024-12-03T10:00Z", signature, BODY, NOW)));
    assertEquals(
        "signature-invalid",
        reason(
            () ->
                WebhookSignature.verify(
                    SECRET, stamp, signature.toUpperCase(java.util.Locale.ROOT), BODY, NOW)));
    assertEquals(
        "signature-invalid",
        reason(() -> WebhookSignature.verify(SECRET, stamp, signature.substring(7), BODY, NOW)));
    assertEquals(
        "signature-invalid",
        reason(() -> WebhookSignature.verify(SECRET, stamp, "sha256=", BODY, NOW)));
  }

  private static String reason(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(WebhookRefusal.class, call).reason();
  }
}
