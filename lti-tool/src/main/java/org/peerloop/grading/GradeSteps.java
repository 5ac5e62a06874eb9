package org.peerloop.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.MemberRole;
import org.peerloop.course.ResourceLink;
import org.peerloop.grades.GradeRecord;
import org.peerloop.grades.GradeStatus;
import org.peerloop.grades.GradeSyncEntry;
import org.peerloop.lti.services.ServicePlatform;
import org.peerloop.platform.Platform;
import org.peerloop.post.PostKind;
import org.peerloop.post.PostStatus;
import org.peerloop.space.Grading;
import org.peerloop.space.Space;
import org.peerloop.space.SpaceLink;

/** The transactions of grade synchronisation; the HTTP calls happen between them. */
@ApplicationScoped
public class GradeSteps {
  @Inject EntityManager em;
  @Inject Clock clock;

  /** A placed link whose grades go to the LMS, with what the calls need. */
  record GradedLink(
      long resourceLinkId,
      String ltiLinkId,
      String title,
      double maximum,
      ServicePlatform platform,
      String lineItemUrl,
      String lineItemsUrl,
      long spaceId) {}

  /** A score waiting to be sent. */
  record Pending(long recordId, String userId, double score, double maximum, String progress) {}

  /** The links of spaces with grading on, whose platform offered the grade service. */
  @Transactional
  public List<Long> gradedLinks() {
    return em.createQuery(
            "select l.resourceLinkId from SpaceLink l where l.space.gradeEnabled = true"
                + " and (l.resourceLink.lineItemsUrl is not null"
                + " or l.resourceLink.lineItemUrl is not null)",
            Long.class)
        .getResultList();
  }

  /** The placed links of one space with grading on. */
  @Transactional
  public List<Long> gradedLinksOf(long spaceId) {
    return em.createQuery(
            "select l.resourceLinkId from SpaceLink l where l.space.id = :space"
                + " and l.space.gradeEnabled = true",
            Long.class)
        .setParameter("space", spaceId)
        .getResultList();
  }

  @Transactional
  public GradedLink link(long resourceLinkId) {
    SpaceLink link = em.find(SpaceLink.class, resourceLinkId);
    ResourceLink rl = link.resourceLink();
    Platform platform = rl.course().platform();
    String lineItem = link.lineItemUrl() != null ? link.lineItemUrl() : rl.lineItemUrl();
    return new GradedLink(
        resourceLinkId,
        rl.linkId(),
        link.space().title(),
        link.space().grading().maximum(),
        new ServicePlatform(platform.id(), platform.clientId(), platform.authTokenUrl()),
        lineItem,
        rl.lineItemsUrl(),
        link.space().id());
  }

  @Transactional
  public void useLineItem(long resourceLinkId, String url, String how) {
    SpaceLink link = em.find(SpaceLink.class, resourceLinkId);
    link.useLineItem(url);
    em.persist(new GradeSyncEntry(link, null, GradeStatus.SENT, null, how + ": " + url, now()));
  }

  /**
   * Works out every active learner's score and returns the ones to send: new, changed, or not yet
   * accepted. Unchanged scores are not queued again.
   */
  @Transactional
  public List<Pending> prepare(long resourceLinkId) {
    SpaceLink link = em.find(SpaceLink.class, resourceLinkId);
    Space space = link.space();
    Grading grading = space.grading();
    Map<Long, Grading.Contributions> contributions = contributions(space);
    Map<Long, GradeRecord> records = new HashMap<>();
    em.createQuery("select g from GradeRecord g where g.link = :link", GradeRecord.class)
        .setParameter("link", link)
        .getResultStream()
        .forEach(g -> records.put(g.person().id(), g));
    Instant now = now();
    List<CohortMember> learners =
        em.createQuery(
                "select m from CohortMember m join fetch m.person where m.space = :space"
                    + " and m.active = true and m.role <> :facilitator order by m.id",
                CohortMember.class)
            .setParameter("space", space)
            .setParameter("facilitator", MemberRole.FACILITATOR)
            .getResultList();
    List<Pending> pending = new ArrayList<>();
    for (CohortMember member : learners) {
      Grading.Contributions done =
          contributions.getOrDefault(member.person().id(), new Grading.Contributions(0, 0, 0, 0));
      double score = grading.score(done);
      GradeRecord record = records.get(member.person().id());
      if (record == null) {
        record = new GradeRecord(link, member.person(), now);
        em.persist(record);
      }
      if (record.update(score, grading.maximum(), now)) {
        em.flush();
        pending.add(
            new Pending(
                record.id(),
                member.person().subject(),
                score,
                grading.maximum(),
                score >= grading.maximum()
                    ? "Completed"
                    : score > 0 ? "InProgress" : "Initialized"));
      }
    }
    return pending;
  }

  /**
   * Per author: threads, replies, ratings given and stories that count (published, not deleted).
   */
  private Map<Long, Grading.Contributions> contributions(Space space) {
    Map<Long, long[]> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select p.author.id, p.kind, count(p) from Post p where p.space = :space"
                    + " and p.thread is null and p.status = :published and p.deletedAt is null"
                    + " group by p.author.id, p.kind",
                Object[].class)
            .setParameter("space", space)
            .setParameter("published", PostStatus.PUBLISHED)
            .getResultList()) {
      long[] c = counts.computeIfAbsent((Long) row[0], k -> new long[4]);
      c[0] += (Long) row[2];
      if (row[1] == PostKind.APPLIED_STORY) {
        c[3] += (Long) row[2];
      }
    }
    for (Object[] row :
        em.createQuery(
                "select p.author.id, count(p) from Post p where p.space = :space"
                    + " and p.thread is not null and p.status = :published and p.deletedAt is null"
                    + " group by p.author.id",
                Object[].class)
            .setParameter("space", space)
            .setParameter("published", PostStatus.PUBLISHED)
            .getResultList()) {
      counts.computeIfAbsent((Long) row[0], k -> new long[4])[1] += (Long) row[1];
    }
    for (Object[] row :
        em.createQuery(
                "select r.personId, count(r) from PostRating r, Post p where r.postId = p.id"
                    + " and p.space = :space group by r.personId",
                Object[].class)
            .setParameter("space", space)
            .getResultList()) {
      counts.computeIfAbsent((Long) row[0], k -> new long[4])[2] += (Long) row[1];
    }
    Map<Long, Grading.Contributions> result = new HashMap<>();
    counts.forEach((id, c) -> result.put(id, new Grading.Contributions(c[0], c[1], c[2], c[3])));
    return result;
  }

  @Transactional
  public void sent(long recordId, double score) {
    GradeRecord record = em.find(GradeRecord.class, recordId);
    record.sent(now());
    log(record, GradeStatus.SENT, score, null);
  }

  @Transactional
  public void refused(long recordId, double score, String reason) {
    GradeRecord record = em.find(GradeRecord.class, recordId);
    record.refused(reason, now());
    log(record, GradeStatus.REFUSED, score, reason);
  }

  @Transactional
  public void failed(long recordId, double score, String reason) {
    GradeRecord record = em.find(GradeRecord.class, recordId);
    record.failed(reason, now());
    log(record, record.status(), score, reason);
  }

  /** A problem with the link as a whole (no line item, no token). */
  @Transactional
  public void linkFailed(long resourceLinkId, String reason) {
    em.persist(
        new GradeSyncEntry(
            em.find(SpaceLink.class, resourceLinkId),
            null,
            GradeStatus.FAILED,
            null,
            reason,
            now()));
  }

  private void log(GradeRecord record, GradeStatus outcome, double score, String detail) {
    em.persist(new GradeSyncEntry(record.link(), record.person(), outcome, score, detail, now()));
  }

  private Instant now() {
    return clock.instant();
  }
}
