package org.peerloop.people;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerloop.cohort.CohortRevisions;
import org.peerloop.platform.Platform;

/** Stores and finds people, always within one platform. Callers own the transaction. */
@Dependent
public class PersonRepository {
  private final EntityManager em;
  private final Clock clock;

  @Inject
  public PersonRepository(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  public Optional<Person> find(long id) {
    return Optional.ofNullable(em.find(Person.class, id));
  }

  public Optional<Person> findBySubject(Platform platform, String subject) {
    return em.createQuery(
            "select p from Person p where p.platform = :platform and p.subject = :subject",
            Person.class)
        .setParameter("platform", platform)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  /**
   * Records many people at once, as a roster page lists them: one query finds those already known,
   * the others are created. Returns them by subject.
   */
  public Map<String, Person> recordProfiles(Platform platform, Map<String, Profile> bySubject) {
    Map<String, Person> people = new HashMap<>();
    if (bySubject.isEmpty()) {
      return people;
    }
    Instant now = clock.instant();
    em.createQuery(
            "select p from Person p where p.platform = :platform and p.subject in :subjects",
            Person.class)
        .setParameter("platform", platform)
        .setParameter("subjects", List.copyOf(bySubject.keySet()))
        .getResultStream()
        .forEach(p -> people.put(p.subject(), p));
    bySubject.forEach(
        (subject, profile) -> {
          Person known = people.get(subject);
          if (known != null) {
            follow(known, profile);
          } else {
            Person person = new Person(platform, subject, profile, now);
            em.persist(person);
            people.put(subject, person);
          }
        });
    em.flush();
    return people;
  }

  /** Records the person a launch is for: created on first sight, profile followed after. */
  public Person recordProfile(Platform platform, String subject, Profile profile) {
    Optional<Person> existing = findBySubject(platform, subject);
    if (existing.isPresent()) {
      follow(existing.get(), profile);
      return existing.get();
    }
    return create(platform, subject, profile);
  }

  /**
   * Records the person a launch is for, known by their platform's id. Every launch asks, so a known
   * person is read with their platform in one statement, and the platform is read on its own only
   * for someone new; {@link Person#platform()} is then the managed platform to record the course
   * under.
   */
  public Person recordProfile(long platformId, String subject, Profile profile) {
    Optional<Person> existing =
        em.createQuery(
                "select p from Person p join fetch p.platform"
                    + " where p.platform.id = :platformId and p.subject = :subject",
                Person.class)
            .setParameter("platformId", platformId)
            .setParameter("subject", subject)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      follow(existing.get(), profile);
      return existing.get();
    }
    Platform platform = em.find(Platform.class, platformId);
    if (platform == null) {
      throw new IllegalStateException("Platform " + platformId + " vanished");
    }
    return create(platform, subject, profile);
  }

  private Person create(Platform platform, String subject, Profile profile) {
    Person person = new Person(platform, subject, profile, clock.instant());
    em.persist(person);
    em.flush();
    return person;
  }

  /**
   * Takes a profile the platform (or the directory) sent for a known person; a new name or picture
   * shows with their posts at once (see {@link CohortRevisions}).
   */
  public void follow(Person person, Profile profile) {
    if (person.follow(profile, clock.instant())) {
      em.flush();
      new CohortRevisions(em).raiseWhereAuthor(person);
    }
  }
}
