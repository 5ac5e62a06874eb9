package org.peerloop.moodle.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on a webhook request: HMAC-SHA256 (RFC 2104) keyed with the bridge's shared secret,
 * over the timestamp, a full stop and the body exactly as sent, in the header {@value
 * #SIGNATURE_HEADER} as {@code sha256=<lower-case hex>}, with the Unix time in {@value
 * #TIMESTAMP_HEADER}. Signing the timestamp with the body makes a captured request useless after
 * {@link #MAX_SKEW}; the event id (checked by the receiver) stops a replay inside that window.
 */
public final class WebhookSignature {
  public static final String TIMESTAMP_HEADER = "X-PeerLoop-Timestamp";
  public static final String SIGNATURE_HEADER = "X-PeerLoop-Signature";

  /** How far the sender's clock and ours may differ, and how long a request stays valid. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private static final String PREFIX = "sha256=";
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
  private static final Pattern SIGNATURE = Pattern.compile("sha256=[0-9a-f]{64}");

  private WebhookSignature() {}

  /** The header value for a body sent at a time. */
  public static String sign(String secret, long timestamp, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp, body));
  }

  /**
   * Refuses an unsigned request before anything else is read from it (an event must be parsed to
   * find its site's secret, and an unsigned one gets no further than this).
   */
  public static void requireHeaders(String timestampHeader, String signatureHeader) {
    if (timestampHeader == null || signatureHeader == null) {
      throw new WebhookRefusal(
          "signature-missing",
          "The request needs the " + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER + " headers");
    }
  }

  /**
   * Checks a request's signature headers against its body.
   *
   * @throws WebhookRefusal naming the first rule the request breaks
   */
  public static void verify(
      String secret, String timestampHeader, String signatureHeader, byte[] body, Instant now) {
    requireHeaders(timestampHeader, signatureHeader);
    String stamp = timestampHeader.strip();
    if (!TIMESTAMP.matcher(stamp).matches()) {
      throw new WebhookRefusal(
          "timestamp-invalid", TIMESTAMP_HEADER + " must be the Unix time in seconds");
    }
    long timestamp = Long.parseLong(stamp);
    Duration skew = Duration.ofSeconds(Math.abs(now.getEpochSecond() - timestamp));
    if (skew.compareTo(MAX_SKEW) > 0) {
      throw new WebhookRefusal(
          "timestamp-stale",
          "The request was signed "
              + skew.toSeconds()
              + " s away from this server's time (at most "
              + MAX_SKEW.toSeconds()
              + " s): check both clocks");
    }
    String given = signatureHeader.strip();
    if (!SIGNATURE.matcher(given).matches()) {
      throw new WebhookRefusal(
          "signature-invalid", SIGNATURE_HEADER + " must be sha256= and 64 hex digits");
    }
    byte[] expected = mac(secret, timestamp, body);
    byte[] actual = HexFormat.of().parseHex(given.substring(PREFIX.length()));
    // MessageDigest.isEqual takes the same time wherever the first difference is.
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new WebhookRefusal(
          "signature-invalid", "The signature does not match the body and the shared secret");
    }
  }

  private static byte[] mac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
