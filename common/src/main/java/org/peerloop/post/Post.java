package org.peerloop.post;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.peerloop.cohort.Cohort;
import org.peerloop.people.Person;
import org.peerloop.space.Prompt;
import org.peerloop.space.Space;

/**
 * A thread start or a reply in a cohort, under its author's real name. The body is sanitized HTML
 * ({@link PostHtml}). Rating aggregates are kept on the row by atomic updates, so they are exact
 * under concurrent raters.
 */
@Entity
@Table(name = "post")
public class Post {
  /** The prior of the ranking score: a post starts as if rated 3 by five people. */
  public static final double PRIOR_MEAN = 3.0;

  public static final int PRIOR_WEIGHT = 5;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "space_id", nullable = false)
  private Space space;

  @ManyToOne(optional = false)
  @JoinColumn(name = "cohort_id", nullable = false)
  private Cohort cohort;

  @ManyToOne(optional = false)
  @JoinColumn(name = "author_id", nullable = false)
  private Person author;

  @ManyToOne
  @JoinColumn(name = "thread_id")
  private Post thread;

  @ManyToOne
  @JoinColumn(name = "prompt_id")
  private Prompt prompt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PostKind kind;

  @Column(length = 200)
  private String title;

  @Column(name = "body_html", nullable = false, length = 32000)
  private String bodyHtml;

  @Column(name = "applied_what", length = 2000)
  private String appliedWhat;

  @Column(name = "applied_result", length = 2000)
  private String appliedResult;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PostStatus status;

  @Column(name = "client_key", nullable = false, length = 64)
  private String clientKey;

  @Column(nullable = false)
  private int version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "edited_at")
  private Instant editedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @ManyToOne
  @JoinColumn(name = "deleted_by")
  private Person deletedBy;

  @Column(name = "endorsed_at")
  private Instant endorsedAt;

  @ManyToOne
  @JoinColumn(name = "endorsed_by")
  private Person endorsedBy;

  @Column(name = "pinned_at")
  private Instant pinnedAt;

  @Column(name = "best_of_at")
  private Instant bestOfAt;

  @Column(name = "reply_count", nullable = false)
  private int replyCount;

  @Column(name = "rating_count", nullable = false)
  private int ratingCount;

  @Column(name = "rating_sum", nullable = false)
  private int ratingSum;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "post_tag", joinColumns = @JoinColumn(name = "post_id"))
  @Column(name = "tag", nullable = false, length = PostText.TAG_MAX)
  private Set<String> tags = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "post_mention", joinColumns = @JoinColumn(name = "post_id"))
  @Column(name = "person_id", nullable = false)
  private Set<Long> mentions = new LinkedHashSet<>();

  protected Post() {}

  Post(
      Cohort cohort,
      Person author,
      Post thread,
      Prompt prompt,
      PostContent content,
      PostStatus status,
      String clientKey,
      Instant now) {
    this.space = cohort.space();
    this.cohort = cohort;
    this.author = author;
    this.thread = thread;
    this.prompt = prompt;
    this.kind = content.kind();
    this.status = status;
    this.clientKey = clientKey;
    this.version = 1;
    this.createdAt = now;
    take(content);
  }

  private void take(PostContent content) {
    this.title = content.title();
    this.bodyHtml = content.bodyHtml();
    this.appliedWhat = content.appliedWhat();
    this.appliedResult = content.appliedResult();
    this.tags.clear();
    this.tags.addAll(content.tags());
  }

  /** Replaces the content, returning the version it replaced (kept as history). */
  PostVersion revise(PostContent content, Instant now) {
    PostVersion previous =
        new PostVersion(this, version, title, bodyHtml, appliedWhat, appliedResult, now);
    take(content);
    version++;
    editedAt = now;
    return previous;
  }

  void setMentions(List<Long> personIds) {
    mentions.clear();
    mentions.addAll(personIds);
  }

  /** An expert's decision on a held post (or an author's resubmission of a rejected one). */
  void changeStatus(PostStatus newStatus) {
    this.status = newStatus;
  }

  void endorse(Person by, Instant now) {
    endorsedBy = by;
    endorsedAt = by == null ? null : now;
  }

  void pin(boolean pinned, Instant now) {
    pinnedAt = pinned ? now : null;
  }

  void collect(boolean inBestOf, Instant now) {
    bestOfAt = inBestOf ? now : null;
  }

  void softDelete(Person by, Instant now) {
    deletedAt = now;
    deletedBy = by;
  }

  /** The ranking score: the mean rating pulled towards the prior while ratings are few. */
  public double score() {
    return score(ratingSum, ratingCount);
  }

  public double meanRating() {
    return meanRating(ratingSum, ratingCount);
  }

  /** {@link #score()} from the columns, for queries that read them without the entity. */
  public static double score(int ratingSum, int ratingCount) {
    return (PRIOR_WEIGHT * PRIOR_MEAN + ratingSum) / (PRIOR_WEIGHT + ratingCount);
  }

  public static double meanRating(int ratingSum, int ratingCount) {
    return ratingCount == 0 ? 0 : (double) ratingSum / ratingCount;
  }

  public boolean isThreadStart() {
    return thread == null;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public Long id() {
    return id;
  }

  public Space space() {
    return space;
  }

  public Cohort cohort() {
    return cohort;
  }

  public Person author() {
    return author;
  }

  public Post thread() {
    return thread;
  }

  public Prompt prompt() {
    return prompt;
  }

  public PostKind kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public String bodyHtml() {
    return bodyHtml;
  }

  public String appliedWhat() {
    return appliedWhat;
  }

  public String appliedResult() {
    return appliedResult;
  }

  public PostStatus status() {
    return status;
  }

  public String clientKey() {
    return clientKey;
  }

  public int version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant editedAt() {
    return editedAt;
  }

  public Instant deletedAt() {
    return deletedAt;
  }

  public boolean isEndorsed() {
    return endorsedAt != null;
  }

  public Person endorsedBy() {
    return endorsedBy;
  }

  public boolean isPinned() {
    return pinnedAt != null;
  }

  public boolean isInBestOf() {
    return bestOfAt != null;
  }

  public int replyCount() {
    return replyCount;
  }

  public int ratingCount() {
    return ratingCount;
  }

  public int ratingSum() {
    return ratingSum;
  }

  public Set<String> tags() {
    return Collections.unmodifiableSet(tags);
  }

  public Set<Long> mentions() {
    return Collections.unmodifiableSet(mentions);
  }
}
