package org.peerloop.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** One member's 1–5 helpfulness rating of a peer's post. */
@Entity
@Table(name = "post_rating")
@IdClass(PostPersonKey.class)
public class PostRating {
  @Id
  @Column(name = "post_id")
  private long postId;

  @Id
  @Column(name = "person_id")
  private long personId;

  @Column(nullable = false)
  private int stars;

  @Column(name = "rated_at", nullable = false)
  private Instant ratedAt;

  protected PostRating() {}

  PostRating(long postId, long personId, int stars, Instant now) {
    this.postId = postId;
    this.personId = personId;
    this.stars = stars;
    this.ratedAt = now;
  }

  void change(int newStars, Instant now) {
    this.stars = newStars;
    this.ratedAt = now;
  }

  public int stars() {
    return stars;
  }
}
