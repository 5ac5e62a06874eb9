package org.peerloop.post;

import java.util.List;
import java.util.function.Function;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.Cohorts;
import org.peerloop.course.Course;
import org.peerloop.course.CourseRepository;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.people.Profile;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.platform.Platform;
import org.peerloop.space.Moderation;
import org.peerloop.space.Phase;
import org.peerloop.space.Space;
import org.peerloop.space.SpaceSettings;
import org.peerloop.testing.MutableClock;

/**
 * A space with a few named members in one cohort, on a test database (used by other packages too).
 */
public final class CohortFixture {
  public final TestDatabase db = TestDatabase.create();
  final MutableClock clock;
  final Platform platform = db.addPlatform("https://moodle.example.edu");
  public final Space space;

  public CohortFixture(MutableClock clock, Moderation moderation, boolean ratings) {
    this(clock, moderation, ratings, 17);
  }

  CohortFixture(MutableClock clock, Moderation moderation, boolean ratings, int targetSize) {
    this.clock = clock;
    this.space =
        db.inTransaction(
            em -> {
              Course course =
                  new CourseRepository(em, clock)
                      .recordContext(em.find(Platform.class, platform.id()), "c1", "Lead", null);
              Space created =
                  new Space(
                      course,
                      null,
                      new SpaceSettings(
                          "Cohorts",
                          Phase.PRE_COURSE,
                          null,
                          null,
                          false,
                          targetSize,
                          null,
                          moderation,
                          ratings,
                          List.of("coaching"),
                          List.of(new SpaceSettings.PromptText("What will you try first?", null)),
                          null),
                      clock.instant());
              em.persist(created);
              return created;
            });
  }

  CohortMember member(String subject, String name) {
    return member(subject, name, null);
  }

  /** A member whose LMS shared an e-mail address (or {@code null}: Moodle can withhold it). */
  public CohortMember member(String subject, String name, String email) {
    return db.inTransaction(
        em -> {
          Person person =
              new PersonRepository(em, clock)
                  .recordProfile(
                      em.find(Platform.class, platform.id()),
                      subject,
                      new Profile(name, null, null, email, null, null));
          return new Cohorts(em, clock).join(em.find(Space.class, space.id()), person, List.of());
        });
  }

  public <T> T posts(Function<Posts, T> work) {
    return db.inTransaction(em -> work.apply(new Posts(em, clock, new Cohorts(em, clock))));
  }

  public <T> T ratings(Function<Ratings, T> work) {
    return db.inTransaction(em -> work.apply(new Ratings(em, clock)));
  }

  public Post reload(Post post) {
    return db.em().find(Post.class, post.id());
  }

  public void close() {
    db.close();
  }
}
