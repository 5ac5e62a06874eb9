package org.peerloop.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.peerloop.errors.Require;

/**
 * One placement of the tool in a course: an LTI resource link (LTI Core §5.3.5), whose id is only
 * unique within its deployment. Spaces attach to it.
 */
@Entity
@Table(name = "resource_link")
public class ResourceLink {
  static final int ID_MAX = 255;
  static final int TITLE_MAX = 512;
  static final int DESCRIPTION_MAX = 1024;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id", nullable = false)
  private Course course;

  @Column(name = "deployment_id", nullable = false, length = ID_MAX)
  private String deploymentId;

  @Column(name = "link_id", nullable = false, length = ID_MAX)
  private String linkId;

  @Column(length = TITLE_MAX)
  private String title;

  @Column(length = DESCRIPTION_MAX)
  private String description;

  /** The AGS endpoint claim of the latest launch (AGS 2.0 §3.4): the container of line items. */
  @Column(name = "lineitems_url", length = 2048)
  private String lineItemsUrl;

  /** The line item the platform coupled to this link, if exactly one. */
  @Column(name = "lineitem_url", length = 2048)
  private String lineItemUrl;

  /** The AGS scopes the platform offers for this link, space separated. */
  @Column(name = "grade_scopes", length = 1024)
  private String gradeScopes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ResourceLink() {}

  public ResourceLink(
      Course course,
      String deploymentId,
      String linkId,
      String title,
      String description,
      Instant now) {
    this.course = Objects.requireNonNull(course, "course");
    this.deploymentId = Require.text("deploymentId", deploymentId, ID_MAX);
    this.linkId = Require.text("linkId", linkId, ID_MAX);
    this.title = Require.clipped(title, TITLE_MAX);
    this.description = Require.clipped(description, DESCRIPTION_MAX);
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Follows a rename in the LMS; returns whether anything changed. */
  public boolean rename(String newTitle, String newDescription, Instant now) {
    String clippedTitle = Require.clipped(newTitle, TITLE_MAX);
    String clippedDescription = Require.clipped(newDescription, DESCRIPTION_MAX);
    if (Objects.equals(title, clippedTitle) && Objects.equals(description, clippedDescription)) {
      return false;
    }
    title = clippedTitle;
    description = clippedDescription;
    updatedAt = now;
    return true;
  }

  /** Keeps the grade service endpoints the latest launch named. */
  public void useGradeService(String lineItems, String lineItem, String scopes) {
    this.lineItemsUrl = Require.clipped(lineItems, 2048);
    this.lineItemUrl = Require.clipped(lineItem, 2048);
    this.gradeScopes = Require.clipped(scopes, 1024);
  }

  public String lineItemsUrl() {
    return lineItemsUrl;
  }

  public String lineItemUrl() {
    return lineItemUrl;
  }

  public String gradeScopes() {
    return gradeScopes;
  }

  public Long id() {
    return id;
  }

  public Course course() {
    return course;
  }

  public String deploymentId() {
    return deploymentId;
  }

  public String linkId() {
    return linkId;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
