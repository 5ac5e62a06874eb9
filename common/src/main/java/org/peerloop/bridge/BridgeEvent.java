package org.peerloop.bridge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An event taken from a platform's bridge, kept by the id its sender made: inserting it is what
 * claims the event, so a second delivery (a retry, a replay) finds the key taken and does nothing.
 */
@Entity
@Table(name = "moodle_event")
@IdClass(BridgeEvent.Key.class)
public class BridgeEvent {

  /** The primary key: the platform and the sender's event id. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private long platformId;
    private String eventId;

    public Key() {}

    public Key(long platformId, String eventId) {
      this.platformId = platformId;
      this.eventId = eventId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.platformId == platformId && k.eventId.equals(eventId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(platformId, eventId);
    }
  }

  @Id
  @Column(name = "platform_id")
  private long platformId;

  @Id
  @Column(name = "event_id", length = 64)
  private String eventId;

  @Column(name = "event_type", nullable = false, length = 32)
  private String eventType;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected BridgeEvent() {}

  public BridgeEvent(long platformId, String eventId, String eventType, Instant now) {
    this.platformId = platformId;
    this.eventId = eventId;
    this.eventType = eventType;
    this.receivedAt = now;
  }

  public String eventId() {
    return eventId;
  }

  public Instant receivedAt() {
    return receivedAt;
  }
}
