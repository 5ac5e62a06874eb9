package org.peerloop.moodlebridge;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.CohortPlanner;
import org.peerloop.cohort.Cohorts;
import org.peerloop.completion.CompletionSource;
import org.peerloop.completion.Completions;
import org.peerloop.course.Course;
import org.peerloop.notify.Notifications;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.space.Space;

/**
 * What a completion does: it is recorded, and each post-course space it opens takes the learner
 * into a cohort at once, placed by the topics they chose in the course's other spaces, and tells
 * them. A learner PeerLoop has not met yet is placed on their first launch instead (the completion
 * lets them in). Joins the caller's transaction.
 */
@Dependent
public class SpaceOpenings {
  @Inject Completions completions;
  @Inject PersonRepository people;
  @Inject Cohorts cohorts;
  @Inject Notifications notifications;

  /**
   * @param subject the learner's LMS user id (the LTI {@code sub})
   * @param moduleId the LMS's course-module id, or {@code LearnerCompletion.COURSE}
   * @return the spaces that opened for the learner now
   */
  public List<Long> completed(
      Course course, String subject, long moduleId, Instant completedAt, CompletionSource source) {
    completions.record(course, subject, moduleId, completedAt, source);
    Optional<Person> learner = people.findBySubject(course.platform(), subject);
    if (learner.isEmpty()) {
      return List.of();
    }
    Person person = learner.get();
    List<Long> opened = new ArrayList<>();
    for (Space space : completions.spacesOpenedBy(course, moduleId)) {
      if (cohorts.membership(space, person).isPresent()) {
        continue;
      }
      CohortMember member = cohorts.join(space, person, topicsFor(course, space, person));
      notifications.spaceOpened(space, member);
      opened.add(space.id());
    }
    return opened;
  }

  /** The topics the learner chose elsewhere in the course that this space also offers. */
  private List<String> topicsFor(Course course, Space space, Person person) {
    Set<String> chosen = new LinkedHashSet<>();
    for (CohortMember m : cohorts.membershipsInCourse(course.id(), List.of(person.id()))) {
      m.topics().stream().filter(space.topics()::contains).forEach(chosen::add);
    }
    return chosen.stream().limit(CohortPlanner.MAX_TOPICS).toList();
  }
}
