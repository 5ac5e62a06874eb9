package org.peerloop.post;

import java.io.Serializable;
import java.util.Objects;

/** The composite key of what one person does once to one post: a rating, a flag. */
public class PostPersonKey implements Serializable {
  private static final long serialVersionUID = 1L;
  private long postId;
  private long personId;

  public PostPersonKey() {}

  PostPersonKey(long postId, long personId) {
    this.postId = postId;
    this.personId = personId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PostPersonKey key && key.postId == postId && key.personId == personId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(postId, personId);
  }
}
