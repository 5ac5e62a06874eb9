package org.peerloop.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A console ticket issued from an LMS administrator's launch and not redeemed yet, known by its id;
 * redeeming deletes it, so a ticket opens the console once.
 */
@Entity
@Table(name = "console_ticket")
public class ConsoleTicket {
  @Id
  @Column(length = 64)
  private String id;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected ConsoleTicket() {}

  ConsoleTicket(String id, Instant expiresAt) {
    this.id = id;
    this.expiresAt = expiresAt;
  }

  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return "ConsoleTicket[expires " + expiresAt + "]";
  }
}
