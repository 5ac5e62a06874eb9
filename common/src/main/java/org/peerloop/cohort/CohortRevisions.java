package org.peerloop.cohort;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.peerloop.people.Person;

/**
 * Raises cohorts' revisions, in the caller's transaction, whenever what their thread pages show
 * changes: a post written, edited, deleted, reviewed, curated, rated or replied to, or the name or
 * picture of an author. Nodes keep pages by revision (ThreadPageCache), so a change that raises
 * nothing would leave pages stale on every node; CohortRevisionTest holds each change to it.
 *
 * <p>Writers call it after their own changes, just before their transaction ends: the revision's
 * row stays locked until the commit, and writers of one cohort queue there.
 */
@Dependent
public class CohortRevisions {
  private final EntityManager em;

  @Inject
  public CohortRevisions(EntityManager em) {
    this.em = em;
  }

  /** The first revision of a new cohort, written with it. */
  void start(Cohort cohort) {
    em.persist(new CohortRevision(cohort));
  }

  /** Something on the cohort's pages changed. */
  public void raise(long cohortId) {
    em.createQuery(
            "update CohortRevision r set r.revision = r.revision + 1 where r.cohortId = :cohort")
        .setParameter("cohort", cohortId)
        .executeUpdate();
  }

  /** The author's name or picture changed: every cohort with a post of theirs shows it. */
  public void raiseWhereAuthor(Person author) {
    em.createQuery(
            "update CohortRevision r set r.revision = r.revision + 1 where r.cohortId in"
                + " (select p.cohort.id from Post p where p.author = :author)")
        .setParameter("author", author)
        .executeUpdate();
  }
}
