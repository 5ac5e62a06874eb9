package org.peerloop.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The requests one subject made in one window of a rate limit, counted by every node. */
@Entity
@Table(name = "rate_window")
@IdClass(RateWindow.Key.class)
public class RateWindow {
  @Id
  @Column(length = 200)
  private String bucket;

  @Id
  @Column(name = "window_start")
  private Instant windowStart;

  @Column(nullable = false)
  private int hits;

  protected RateWindow() {}

  RateWindow(String bucket, Instant windowStart) {
    this.bucket = bucket;
    this.windowStart = windowStart;
    this.hits = 1;
  }

  public int hits() {
    return hits;
  }

  /** The composite primary key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String bucket;
    private Instant windowStart;

    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && bucket.equals(key.bucket)
          && windowStart.equals(key.windowStart);
    }

    @Override
    public int hashCode() {
      return Objects.hash(bucket, windowStart);
    }
  }
}
