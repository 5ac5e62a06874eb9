package org.peerloop.course;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Optional;
import org.peerloop.platform.Platform;

/** Stores and finds courses, always within one platform. Callers own the transaction. */
@Dependent
public class CourseRepository {
  private final EntityManager em;
  private final Clock clock;

  @Inject
  public CourseRepository(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  public Optional<Course> find(long id) {
    return Optional.ofNullable(em.find(Course.class, id));
  }

  /** Context ids are only unique per platform, so the platform is always part of the key. */
  public Optional<Course> findByContext(Platform platform, String contextId) {
    return em.createQuery(
            "select c from Course c where c.platform = :platform and c.contextId = :contextId",
            Course.class)
        .setParameter("platform", platform)
        .setParameter("contextId", contextId)
        .getResultStream()
        .findFirst();
  }

  /** Records the course a launch came from: creates it on first sight and follows renames after. */
  public Course recordContext(Platform platform, String contextId, String title, String label) {
    Optional<Course> existing = findByContext(platform, contextId);
    if (existing.isPresent()) {
      existing.get().rename(title, label, clock.instant());
      return existing.get();
    }
    Course course = new Course(platform, contextId, title, label, clock.instant());
    em.persist(course);
    em.flush();
    return course;
  }

  /** Records the resource link a launch came through, within its course and deployment. */
  public ResourceLink recordResourceLink(
      Course course, String deploymentId, String linkId, String title, String description) {
    Optional<ResourceLink> existing =
        em.createQuery(
                "select l from ResourceLink l where l.course = :course"
                    + " and l.deploymentId = :deploymentId and l.linkId = :linkId",
                ResourceLink.class)
            .setParameter("course", course)
            .setParameter("deploymentId", deploymentId)
            .setParameter("linkId", linkId)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      existing.get().rename(title, description, clock.instant());
      return existing.get();
    }
    ResourceLink link =
        new ResourceLink(course, deploymentId, linkId, title, description, clock.instant());
    em.persist(link);
    em.flush();
    return link;
  }

  public Optional<ResourceLink> findResourceLink(long id) {
    return Optional.ofNullable(em.find(ResourceLink.class, id));
  }
}
