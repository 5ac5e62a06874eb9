package org.peerloop.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a member wants by e-mail. Without a row: mentions and reviews at once, a weekly digest. */
@Entity
@Table(name = "mail_preference")
public class MailPreference {
  @Id
  @Column(name = "person_id")
  private Long personId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Digest digest;

  @Column(name = "at_once", nullable = false)
  private boolean atOnce;

  @Column(name = "last_digest_at")
  private Instant lastDigestAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected MailPreference() {}

  public MailPreference(long personId, Instant now) {
    this.personId = personId;
    this.digest = Digest.WEEKLY;
    this.atOnce = true;
    this.updatedAt = now;
  }

  public void choose(Digest digest, boolean atOnce, Instant now) {
    this.digest = digest;
    this.atOnce = atOnce;
    this.updatedAt = now;
  }

  /** A digest covering the time up to {@code until} was made. */
  public void digested(Instant until) {
    this.lastDigestAt = until;
  }

  /** The unsubscribe link: no more e-mail of any kind. */
  public void unsubscribe(Instant now) {
    choose(Digest.OFF, false, now);
  }

  public long personId() {
    return personId;
  }

  public Digest digest() {
    return digest;
  }

  public boolean atOnce() {
    return atOnce;
  }

  public Instant lastDigestAt() {
    return lastDigestAt;
  }
}
