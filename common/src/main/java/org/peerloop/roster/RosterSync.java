package org.peerloop.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.peerloop.errors.Require;

/**
 * The roster synchronisation of one course: at most one runs at a time (the row is the lock), and
 * its progress and outcome are what facilitators see.
 */
@Entity
@Table(name = "roster_sync")
public class RosterSync {
  @Id
  @Column(name = "course_id")
  private Long courseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SyncStatus status;

  /** Counts the runs; roster entries remember the last run that saw them. */
  @Column(nullable = false)
  private long run;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(nullable = false)
  private int pages;

  @Column(name = "members_seen", nullable = false)
  private int membersSeen;

  @Column(name = "members_added", nullable = false)
  private int membersAdded;

  @Column(name = "members_left", nullable = false)
  private int membersLeft;

  @Column(name = "roles_changed", nullable = false)
  private int rolesChanged;

  /** NRPS 2.0 §2.3: where to ask next time for only what changed. */
  @Column(name = "differences_url", length = 2048)
  private String differencesUrl;

  @Column(length = 1000)
  private String error;

  protected RosterSync() {}

  public RosterSync(long courseId, Instant now) {
    this.courseId = courseId;
    this.status = SyncStatus.QUEUED;
    this.requestedAt = now;
  }

  /** Whether a new run should be queued: none ran, or the last ended longer ago than allowed. */
  public boolean isStale(Instant now, Duration maxAge) {
    if (status == SyncStatus.QUEUED || status == SyncStatus.RUNNING) {
      return false;
    }
    return finishedAt == null || finishedAt.plus(maxAge).isBefore(now);
  }

  /**
   * Asks for a run; a queued or running one already covers the request. A full run reads the whole
   * roster even where the platform offers its changes only.
   */
  public boolean request(Instant now, boolean full) {
    if (status == SyncStatus.QUEUED || status == SyncStatus.RUNNING) {
      return false;
    }
    status = SyncStatus.QUEUED;
    requestedAt = now;
    if (full) {
      differencesUrl = null;
    }
    return true;
  }

  /** Starts a run and returns its number. */
  public long start(Instant now) {
    status = SyncStatus.RUNNING;
    run++;
    startedAt = now;
    finishedAt = null;
    pages = 0;
    membersSeen = 0;
    membersAdded = 0;
    membersLeft = 0;
    rolesChanged = 0;
    error = null;
    return run;
  }

  /** A page was reconciled. */
  public void progress(int members, int added, int changed) {
    pages++;
    membersSeen += members;
    membersAdded += added;
    rolesChanged += changed;
  }

  public void finish(int left, String nextDifferencesUrl, Instant now) {
    status = SyncStatus.DONE;
    membersLeft += left;
    differencesUrl = Require.clipped(nextDifferencesUrl, 2048);
    finishedAt = now;
  }

  /** A failed run asks for a full roster next time: the differences may have been half read. */
  public void fail(String reason, Instant now) {
    status = SyncStatus.FAILED;
    error = Require.clipped(reason, 1000);
    differencesUrl = null;
    finishedAt = now;
  }

  /** A run that ran on a node that stopped: taken back so it can be queued again. */
  public boolean isAbandoned(Instant now, Duration timeout) {
    return status == SyncStatus.RUNNING
        && startedAt != null
        && startedAt.plus(timeout).isBefore(now);
  }

  public Long courseId() {
    return courseId;
  }

  public SyncStatus status() {
    return status;
  }

  public long run() {
    return run;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public int pages() {
    return pages;
  }

  public int membersSeen() {
    return membersSeen;
  }

  public int membersAdded() {
    return membersAdded;
  }

  public int membersLeft() {
    return membersLeft;
  }

  public int rolesChanged() {
    return rolesChanged;
  }

  public String differencesUrl() {
    return differencesUrl;
  }

  public String error() {
    return error;
  }
}
