package org.peerloop.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.peerloop.errors.Require;

/**
 * One e-mail to send: of one notification, or a member's digest of one period. The sender claims it
 * for a while, sends, and marks it sent; a failure waits longer each time, a refusal ends it.
 */
@Entity
@Table(name = "mail_outbox")
public class MailOutbox {
  /** Tries before a mail that keeps failing is given up. */
  public static final int MAX_ATTEMPTS = 8;

  static final int ERROR_MAX = 1000;

  static final Duration FIRST_WAIT = Duration.ofMinutes(1);
  static final Duration LONGEST_WAIT = Duration.ofHours(6);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "person_id", nullable = false)
  private long personId;

  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "notification_id", unique = true)
  private Notification notification;

  /** The period of a digest ({@code 2026-11-22} or {@code 2026-W47}); null for a notification. */
  @Column(name = "digest_key", length = 16)
  private String digestKey;

  @Column(length = 16)
  private String language;

  @Column(length = 300)
  private String subject;

  @Column(name = "body_text", length = 32000)
  private String bodyText;

  @Column(name = "body_html", length = 32000)
  private String bodyHtml;

  @Column(name = "to_address", nullable = false, length = 320)
  private String toAddress;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private MailStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected MailOutbox() {}

  MailOutbox(long personId, Notification notification, String toAddress, Instant now) {
    this.personId = personId;
    this.notification = notification;
    this.toAddress = toAddress;
    this.status = MailStatus.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** A digest, its words written now. */
  public static MailOutbox digest(
      long personId,
      String key,
      String toAddress,
      String language,
      String subject,
      String text,
      String html,
      Instant now) {
    MailOutbox mail = new MailOutbox(personId, null, toAddress, now);
    mail.digestKey = key;
    mail.language = language;
    mail.subject = subject;
    mail.bodyText = text;
    mail.bodyHtml = html;
    return mail;
  }

  /** A sender takes it until {@code until}; after that another may, if it was never marked. */
  public void claim(Instant now, Instant until) {
    status = MailStatus.SENDING;
    attempts++;
    claimedUntil = until;
    nextAttemptAt = now;
  }

  public void sent(Instant now) {
    status = MailStatus.SENT;
    sentAt = now;
    claimedUntil = null;
    lastError = null;
  }

  /** The server could not take it now: try again later, waiting longer each time. */
  public void failed(String error, Instant now) {
    lastError = Require.clipped(error, ERROR_MAX);
    claimedUntil = null;
    if (attempts >= MAX_ATTEMPTS) {
      status = MailStatus.FAILED;
      return;
    }
    status = MailStatus.PENDING;
    long minutes =
        Math.min(LONGEST_WAIT.toMinutes(), FIRST_WAIT.toMinutes() << Math.min(attempts - 1, 16));
    nextAttemptAt = now.plus(Duration.ofMinutes(minutes));
  }

  /** The server refused it for good: never sent again. */
  public void refused(String error) {
    lastError = Require.clipped(error, ERROR_MAX);
    claimedUntil = null;
    status = MailStatus.FAILED;
  }

  public Long id() {
    return id;
  }

  public long personId() {
    return personId;
  }

  /** The notification it tells of, or null for a digest. */
  public Notification notification() {
    return notification;
  }

  public String digestKey() {
    return digestKey;
  }

  /** The language a digest was written in. */
  public String digestLanguage() {
    return language;
  }

  public String subject() {
    return subject;
  }

  public String bodyText() {
    return bodyText;
  }

  public String bodyHtml() {
    return bodyHtml;
  }

  public String toAddress() {
    return toAddress;
  }

  public MailStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant claimedUntil() {
    return claimedUntil;
  }

  public String lastError() {
    return lastError;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
