package org.peerloop.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.peerloop.course.Course;
import org.peerloop.people.Person;

/**
 * The LMS groups a person is in within a course, as their last launch said. Moodle substitutes
 * {@code $Moodle.Person.userGroupIds} (mod/lti/locallib.php {@code lti_calculate_custom_parameter})
 * with the ids of the person's groups in the course, comma-separated, empty for none; the ids are
 * those its web services name the groups by, so the bridge and the launch agree.
 */
@Entity
@Table(name = "lms_group_membership")
public class LmsGroupMembership {
  /** The custom parameter PeerLoop's registration asks Moodle to substitute. */
  public static final String PARAMETER = "moodle_group_ids";

  /** Within {@link #IDS_MAX} however long the ids. */
  static final int MAX_GROUPS = 25;

  static final int IDS_MAX = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id", nullable = false)
  private Course course;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id", nullable = false)
  private Person person;

  @Column(name = "group_ids", nullable = false, length = IDS_MAX)
  private String groupIds;

  @Column(name = "seen_at", nullable = false)
  private Instant seenAt;

  protected LmsGroupMembership() {}

  public LmsGroupMembership(Course course, Person person, List<String> groups, Instant now) {
    this.course = course;
    this.person = person;
    seen(groups, now);
  }

  /** The groups a later launch named. */
  public void seen(List<String> groups, Instant now) {
    this.groupIds = String.join(",", groups);
    this.seenAt = now;
  }

  /** In the LMS's order; empty when the person is in no group. */
  public List<String> groups() {
    return groupIds.isEmpty() ? List.of() : List.of(groupIds.split(","));
  }

  /**
   * The groups a launch's custom parameter names; empty when it names none the LMS substituted (a
   * platform that does not know the variable sends it back as written, starting with {@code $}).
   * Ids that are not plain identifiers are left out; the list is bounded.
   */
  public static Optional<List<String>> parse(String value) {
    if (value == null || value.strip().startsWith("$")) {
      return Optional.empty();
    }
    List<String> ids =
        Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(id -> id.matches("[A-Za-z0-9_.:-]{1,64}"))
            .distinct()
            .limit(MAX_GROUPS)
            .toList();
    return Optional.of(ids);
  }
}
