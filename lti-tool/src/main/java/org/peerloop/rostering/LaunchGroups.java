package org.peerloop.rostering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.peerloop.course.Course;
import org.peerloop.lti.launch.LaunchRecorded;
import org.peerloop.people.Person;
import org.peerloop.roster.LmsGroupMembership;

/**
 * Keeps the LMS groups each launch names ({@code moodle_group_ids}, which PeerLoop's registration
 * asks Moodle to fill with {@code $Moodle.Person.userGroupIds}), in the launch's transaction: a
 * space of one cohort per LMS group places people by them even where no Moodle bridge reads the
 * course's groups. A launch that names none the LMS filled in changes nothing.
 */
@ApplicationScoped
public class LaunchGroups {
  @Inject EntityManager em;
  @Inject Clock clock;

  void onLaunch(@Observes LaunchRecorded launch) {
    Optional<List<String>> groups =
        LmsGroupMembership.parse(launch.custom().get(LmsGroupMembership.PARAMETER));
    if (groups.isEmpty()) {
      return;
    }
    Course course = em.find(Course.class, launch.courseId());
    Person person = em.find(Person.class, launch.personId());
    em.createQuery(
            "select g from LmsGroupMembership g where g.course = :course and g.person = :person",
            LmsGroupMembership.class)
        .setParameter("course", course)
        .setParameter("person", person)
        .getResultStream()
        .findFirst()
        .ifPresentOrElse(
            known -> {
              // Most launches name the same groups again: no write on the launch's path then.
              if (!known.groups().equals(groups.get())) {
                known.seen(groups.get(), clock.instant());
              }
            },
            () ->
                em.persist(new LmsGroupMembership(course, person, groups.get(), clock.instant())));
  }
}
