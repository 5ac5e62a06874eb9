package org.peerloop.space;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.peerloop.course.Course;
import org.peerloop.course.ResourceLink;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.Require;

/**
 * A cohort space attached to one course module (an LTI resource link). After it closes it is
 * read-only, never deleted: what a cohort wrote stays as the course's knowledge.
 */
@Entity
@Table(name = "cohort_space")
public class Space {
  public static final int LMS_MODULE_NAME_MAX = 512;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id", nullable = false)
  private Course course;

  @OneToOne
  @JoinColumn(name = "resource_link_id")
  private ResourceLink resourceLink;

  @Column(nullable = false, length = SpaceSettings.TITLE_MAX)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Phase phase;

  @Column(name = "opens_at")
  private Instant opensAt;

  @Column(name = "closes_at")
  private Instant closesAt;

  @Column(name = "opens_on_completion", nullable = false)
  private boolean opensOnCompletion;

  /** The LMS module the space is attached to (a Moodle course-module id), if any. */
  @Column(name = "lms_module_id")
  private Long lmsModuleId;

  @Column(name = "lms_module_name", length = LMS_MODULE_NAME_MAX)
  private String lmsModuleName;

  @Column(name = "target_size", nullable = false)
  private int targetSize;

  @Enumerated(EnumType.STRING)
  @Column(name = "grouping_mode", nullable = false, length = 16)
  private GroupingMode grouping;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Moderation moderation;

  @Column(name = "ratings_enabled", nullable = false)
  private boolean ratingsEnabled;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "space_topic", joinColumns = @JoinColumn(name = "space_id"))
  @OrderColumn(name = "position")
  @Column(name = "topic", nullable = false, length = SpaceSettings.TOPIC_MAX)
  private List<String> topics = new ArrayList<>();

  @OneToMany(
      mappedBy = "space",
      cascade = CascadeType.ALL,
      orphanRemoval = true,
      fetch = FetchType.EAGER)
  @OrderBy("position")
  private List<Prompt> prompts = new ArrayList<>();

  @Column(name = "grade_enabled", nullable = false)
  private boolean gradeEnabled;

  @Column(name = "grade_maximum", nullable = false)
  private int gradeMaximum;

  @Column(name = "points_thread", nullable = false)
  private int pointsThread;

  @Column(name = "points_reply", nullable = false)
  private int pointsReply;

  @Column(name = "points_rating", nullable = false)
  private int pointsRating;

  @Column(name = "points_story", nullable = false)
  private int pointsStory;

  @Column(name = "points_full", nullable = false)
  private int pointsFull;

  /** The space this one was copied from with its course (settings only, never posts). */
  @ManyToOne
  @JoinColumn(name = "copied_from_id")
  private Space copiedFrom;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Space() {}

  public Space(Course course, ResourceLink resourceLink, SpaceSettings settings, Instant now) {
    this.course = Objects.requireNonNull(course, "course");
    this.resourceLink = resourceLink;
    this.createdAt = now;
    apply(settings, now);
  }

  /** Takes new settings; existing cohorts and posts stay as they are. */
  public void apply(SpaceSettings settings, Instant now) {
    this.title = settings.title();
    this.phase = settings.phase();
    this.opensAt = settings.opensAt();
    this.closesAt = settings.closesAt();
    this.opensOnCompletion = settings.opensOnCompletion();
    this.targetSize = settings.targetSize();
    this.grouping = settings.grouping();
    this.moderation = settings.moderation();
    this.ratingsEnabled = settings.ratingsEnabled();
    Grading grading = settings.grading();
    this.gradeEnabled = grading.enabled();
    this.gradeMaximum = grading.maximum();
    this.pointsThread = grading.thread();
    this.pointsReply = grading.reply();
    this.pointsRating = grading.rating();
    this.pointsStory = grading.story();
    this.pointsFull = grading.fullMarks();
    this.topics.clear();
    this.topics.addAll(settings.topics());
    this.prompts.clear();
    for (SpaceSettings.PromptText prompt : settings.prompts()) {
      this.prompts.add(new Prompt(this, prompts.size(), prompt));
    }
    this.updatedAt = now;
  }

  /**
   * A copy of this space's settings for another course (a course copied in the LMS keeps its
   * links): the same agenda and rules, with no cohorts or posts. A window that has already closed
   * is not copied, so the next run's space is not born read-only; its designer sets new dates.
   */
  public Space copyFor(Course otherCourse, Instant now) {
    SpaceSettings s = settings();
    if (isClosedAt(now)) {
      s =
          new SpaceSettings(
              s.title(),
              s.phase(),
              null,
              null,
              s.opensOnCompletion(),
              s.targetSize(),
              s.grouping(),
              s.moderation(),
              s.ratingsEnabled(),
              s.topics(),
              s.prompts(),
              s.grading());
    }
    Space copy = new Space(otherCourse, null, s, now);
    copy.copiedFrom = this;
    return copy;
  }

  /** The settings as a designer last saved them. */
  public SpaceSettings settings() {
    return new SpaceSettings(
        title,
        phase,
        opensAt,
        closesAt,
        opensOnCompletion,
        targetSize,
        grouping,
        moderation,
        ratingsEnabled,
        List.copyOf(topics),
        prompts.stream().map(p -> new SpaceSettings.PromptText(p.text(), p.dueOn())).toList(),
        grading());
  }

  public Grading grading() {
    return new Grading(
        gradeEnabled,
        gradeMaximum,
        pointsThread,
        pointsReply,
        pointsRating,
        pointsStory,
        pointsFull);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Space copiedFrom() {
    return copiedFrom;
  }

  /** Whether people may write now: opened, and not closed. */
  public boolean isOpenAt(Instant now) {
    return (opensAt == null || !now.isBefore(opensAt)) && !isClosedAt(now);
  }

  /** A closed space is read-only for good. */
  public boolean isClosedAt(Instant now) {
    return closesAt != null && !now.isBefore(closesAt);
  }

  public Long id() {
    return id;
  }

  public Course course() {
    return course;
  }

  public ResourceLink resourceLink() {
    return resourceLink;
  }

  public String title() {
    return title;
  }

  public Phase phase() {
    return phase;
  }

  public Instant opensAt() {
    return opensAt;
  }

  public Instant closesAt() {
    return closesAt;
  }

  public boolean opensOnCompletion() {
    return opensOnCompletion;
  }

  /**
   * Attaches the space to a module of its LMS course (a pre-course space before it, a post-course
   * space after it: the module's completion opens it), or to none.
   */
  public void attachToModule(Long moduleId, String moduleName, Instant now) {
    if (moduleId != null && moduleId <= 0) {
      throw new InvalidValueException("moduleId", "moduleId must be the LMS's course-module id");
    }
    this.lmsModuleId = moduleId;
    this.lmsModuleName = moduleId == null ? null : Require.clipped(moduleName, LMS_MODULE_NAME_MAX);
    this.updatedAt = now;
  }

  public Long lmsModuleId() {
    return lmsModuleId;
  }

  public String lmsModuleName() {
    return lmsModuleName;
  }

  /**
   * The module whose completion opens the space for a learner: the attached one, else the course
   * ({@code 0}, {@code LearnerCompletion.COURSE}).
   */
  public long completionModuleId() {
    return lmsModuleId == null ? 0 : lmsModuleId;
  }

  public int targetSize() {
    return targetSize;
  }

  public GroupingMode grouping() {
    return grouping;
  }

  public Moderation moderation() {
    return moderation;
  }

  public boolean ratingsEnabled() {
    return ratingsEnabled;
  }

  public List<String> topics() {
    return Collections.unmodifiableList(topics);
  }

  public List<Prompt> prompts() {
    return Collections.unmodifiableList(prompts);
  }
}
