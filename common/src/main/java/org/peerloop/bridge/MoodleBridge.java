package org.peerloop.bridge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.Require;

/**
 * A platform's Moodle site as PeerLoop reaches it outside LTI: the site's address, a web service
 * token (sealed) and the secret its {@code local_peerloop} plugin signs events with (sealed).
 */
@Entity
@Table(name = "moodle_bridge")
public class MoodleBridge {
  public static final int ERROR_MAX = 1000;

  @Id
  @Column(name = "platform_id")
  private Long platformId;

  @Column(name = "site_url", nullable = false, length = 2048)
  private String siteUrl;

  @Column(name = "token_sealed", nullable = false, length = 1024)
  private String tokenSealed;

  @Column(name = "webhook_secret_sealed", nullable = false, length = 1024)
  private String webhookSecretSealed;

  @Column(name = "configured_at", nullable = false)
  private Instant configuredAt;

  @Column(name = "last_event_at")
  private Instant lastEventAt;

  @Column(name = "reconcile_lease_until")
  private Instant reconcileLeaseUntil;

  @Column(name = "reconcile_cursor", nullable = false)
  private long reconcileCursor;

  @Column(name = "last_reconciled_at")
  private Instant lastReconciledAt;

  @Column(name = "last_error", length = ERROR_MAX)
  private String lastError;

  @Column(name = "last_error_at")
  private Instant lastErrorAt;

  @Version private long version;

  protected MoodleBridge() {}

  public MoodleBridge(
      long platformId, String siteUrl, String tokenSealed, String secretSealed, Instant now) {
    this.platformId = platformId;
    this.webhookSecretSealed = Require.text("webhookSecret", secretSealed, 1024);
    configure(siteUrl, tokenSealed, now);
  }

  /** New site or token; the webhook secret stays, so the plugin's setting stays right. */
  public void configure(String siteUrl, String tokenSealed, Instant now) {
    this.siteUrl = normalised(siteUrl);
    this.tokenSealed = Require.text("token", tokenSealed, 1024);
    this.configuredAt = now;
    this.lastError = null;
    this.lastErrorAt = null;
  }

  public void newSecret(String secretSealed) {
    this.webhookSecretSealed = Require.text("webhookSecret", secretSealed, 1024);
  }

  /**
   * A site's address in one spelling, as events name it ({@code $CFG->wwwroot}): scheme and host in
   * lower case, no trailing slash, no query.
   */
  public static String normalised(String siteUrl) {
    URI uri;
    try {
      uri = URI.create(Require.httpUrl("siteUrl", siteUrl, 2048));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("siteUrl", "siteUrl must be the Moodle site's address");
    }
    if (uri.getScheme() == null
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new InvalidValueException(
          "siteUrl", "siteUrl must be the Moodle site's address, e.g. https://moodle.example.edu");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return uri.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
        + path;
  }

  public void eventReceived(Instant now) {
    this.lastEventAt = now;
  }

  /** Takes the backstop's lease if nobody holds it now. */
  public boolean claimReconciliation(Instant now, Instant until) {
    if (reconcileLeaseUntil != null && reconcileLeaseUntil.isAfter(now)) {
      return false;
    }
    reconcileLeaseUntil = until;
    return true;
  }

  /** A run finished the course {@code courseId}: the next run resumes after it. */
  public void advanceTo(long courseId) {
    this.reconcileCursor = courseId;
  }

  /** A run went through every course: the next starts from the first again. */
  public void reconciled(Instant now) {
    this.reconcileCursor = 0;
    this.reconcileLeaseUntil = null;
    this.lastReconciledAt = now;
    this.lastError = null;
    this.lastErrorAt = null;
  }

  /** A run ran out of time: the lease ends, the cursor stays. */
  public void release() {
    this.reconcileLeaseUntil = null;
  }

  public void failed(String error, Instant now) {
    this.lastError = Require.clipped(error, ERROR_MAX);
    this.lastErrorAt = now;
    this.reconcileLeaseUntil = null;
  }

  public long platformId() {
    return platformId;
  }

  public String siteUrl() {
    return siteUrl;
  }

  public String tokenSealed() {
    return tokenSealed;
  }

  public String webhookSecretSealed() {
    return webhookSecretSealed;
  }

  public Instant configuredAt() {
    return configuredAt;
  }

  public Instant lastEventAt() {
    return lastEventAt;
  }

  public long reconcileCursor() {
    return reconcileCursor;
  }

  public Instant lastReconciledAt() {
    return lastReconciledAt;
  }

  public String lastError() {
    return lastError;
  }

  public Instant lastErrorAt() {
    return lastErrorAt;
  }
}
