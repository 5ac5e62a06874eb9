package org.peerloop.intranet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.peerloop.course.Course;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.Require;

/** A SharePoint site standing for a course, and who may enter its spaces. */
@Entity
@Table(name = "intranet_site")
public class IntranetSite {
  public static final int ERROR_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "site_id", nullable = false, length = 36)
  private String siteId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id", nullable = false)
  private Course course;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Audience audience;

  @Column(name = "group_id", length = 36)
  private String groupId;

  @Column(name = "nested_groups", nullable = false)
  private boolean nestedGroups;

  @Column(name = "bound_at", nullable = false)
  private Instant boundAt;

  /** Counts roster reads; members remember the last read that listed them. */
  @Column(name = "sync_run", nullable = false)
  private long syncRun;

  @Column(name = "synced_at")
  private Instant syncedAt;

  @Column(name = "members_seen", nullable = false)
  private int membersSeen;

  @Column(name = "members_incomplete", nullable = false)
  private int membersIncomplete;

  @Column(name = "sync_error", length = ERROR_MAX)
  private String syncError;

  protected IntranetSite() {}

  public IntranetSite(IntranetTenant tenant, String siteId, Course course, Instant now) {
    this.tenantId = tenant.tenantId();
    this.siteId = IntranetTenant.guid("siteId", siteId);
    this.course = Objects.requireNonNull(course, "course");
    this.audience = Audience.ORGANISATION;
    this.boundAt = now;
  }

  /** Who may enter: a group needs its id; the roster is read again on the next sync. */
  public void admit(Audience audience, String groupId, boolean nestedGroups) {
    if (audience == Audience.GROUP) {
      this.groupId = IntranetTenant.guid("groupId", groupId);
    } else if (groupId != null && !groupId.isBlank()) {
      throw new InvalidValueException("groupId", "A group is named only for the GROUP audience");
    } else {
      this.groupId = null;
    }
    this.audience = Objects.requireNonNull(audience, "audience");
    this.nestedGroups = audience == Audience.GROUP && nestedGroups;
  }

  /** Starts a roster read and returns its number. */
  public long startSync() {
    return ++syncRun;
  }

  public void synced(int seen, int incomplete, Instant now) {
    this.membersSeen = seen;
    this.membersIncomplete = incomplete;
    this.syncedAt = now;
    this.syncError = null;
  }

  public void syncFailed(String error, Instant now) {
    this.syncError = Require.clipped(error, ERROR_MAX);
    this.syncedAt = now;
  }

  public Long id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String siteId() {
    return siteId;
  }

  public Course course() {
    return course;
  }

  public Audience audience() {
    return audience;
  }

  public String groupId() {
    return groupId;
  }

  public boolean nestedGroups() {
    return nestedGroups;
  }

  public Instant boundAt() {
    return boundAt;
  }

  public long syncRun() {
    return syncRun;
  }

  public Instant syncedAt() {
    return syncedAt;
  }

  public int membersSeen() {
    return membersSeen;
  }

  public int membersIncomplete() {
    return membersIncomplete;
  }

  public String syncError() {
    return syncError;
  }
}
