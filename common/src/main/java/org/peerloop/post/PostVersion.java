package org.peerloop.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A post's content as it was before an edit. */
@Entity
@Table(name = "post_version")
@IdClass(PostVersion.Key.class)
public class PostVersion {
  @Id
  @ManyToOne(optional = false)
  @JoinColumn(name = "post_id")
  private Post post;

  @Id
  @Column(name = "version")
  private int version;

  @Column(length = 200)
  private String title;

  @Column(name = "body_html", nullable = false, length = 32000)
  private String bodyHtml;

  @Column(name = "applied_what", length = 2000)
  private String appliedWhat;

  @Column(name = "applied_result", length = 2000)
  private String appliedResult;

  @Column(name = "replaced_at", nullable = false)
  private Instant replacedAt;

  protected PostVersion() {}

  PostVersion(
      Post post,
      int version,
      String title,
      String bodyHtml,
      String appliedWhat,
      String appliedResult,
      Instant replacedAt) {
    this.post = post;
    this.version = version;
    this.title = title;
    this.bodyHtml = bodyHtml;
    this.appliedWhat = appliedWhat;
    this.appliedResult = appliedResult;
    this.replacedAt = replacedAt;
  }

  public int version() {
    return version;
  }

  public String bodyHtml() {
    return bodyHtml;
  }

  public Instant replacedAt() {
    return replacedAt;
  }

  /** The composite key: a post and a version number. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long post;
    private int version;

    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Objects.equals(key.post, post) && key.version == version;
    }

    @Override
    public int hashCode() {
      return Objects.hash(post, version);
    }
  }
}
