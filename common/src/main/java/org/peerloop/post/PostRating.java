package org.peerloop.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One member's 1–5 helpfulness rating of a peer's post. */
@Entity
@Table(name = "post_rating")
@IdClass(PostRating.Key.class)
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

  /** The composite key: a post and a rater. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private long postId;
    private long personId;

    public Key() {}

    Key(long postId, long personId) {
      this.postId = postId;
      this.personId = personId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.postId == postId && key.personId == personId;
    }

    @Override
    public int hashCode() {
      return Objects.hash(postId, personId);
    }
  }
}
