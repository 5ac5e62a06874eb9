package org.peerloop.lti.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.peerloop.course.Course;
import org.peerloop.course.CourseRepository;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.web.problem.ProblemException;

/** Describes a session in words a page can show. */
@ApplicationScoped
public class SessionDetails {

  @Inject PersonRepository people;
  @Inject CourseRepository courses;

  /** What the page shows about the signed-in person and course. */
  public record View(
      long personId,
      String name,
      long courseId,
      String courseTitle,
      Long resourceLinkId,
      List<String> roles,
      String expiresAt) {}

  /** A refreshed token. */
  public record Refreshed(String token, String expiresAt) {}

  @Transactional
  public View describe(Session session) {
    Person person =
        people
            .find(session.personId())
            .orElseThrow(
                () -> ProblemException.unauthorized("session-invalid", "The person is gone"));
    Course course = courses.find(session.courseId()).orElse(null);
    return new View(
        person.id(),
        person.displayName(),
        session.courseId(),
        course == null ? null : course.title(),
        session.resourceLinkId(),
        session.roles().stream().map(Enum::name).sorted().toList(),
        session.expiresAt().toString());
  }
}
