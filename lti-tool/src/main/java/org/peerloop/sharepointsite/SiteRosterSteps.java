package org.peerloop.sharepointsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerloop.cohort.Cohorts;
import org.peerloop.intranet.Audience;
import org.peerloop.intranet.IntranetMember;
import org.peerloop.intranet.IntranetSite;
import org.peerloop.intranet.IntranetTenant;
import org.peerloop.people.Person;
import org.peerloop.sharepoint.graph.GraphUser;
import org.peerloop.sharepoint.graph.GroupRoster;
import org.peerloop.space.GroupingMode;
import org.peerloop.space.Phase;
import org.peerloop.space.Space;

/** The transactions of a site roster read; the Graph calls happen between them. */
@ApplicationScoped
public class SiteRosterSteps {
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject DirectoryPeople directory;
  @Inject Cohorts cohorts;

  /** What a read needs: whose group, and the run's number. */
  record Claim(long siteRef, String tenantId, String groupId, boolean nestedGroups, long run) {}

  @Transactional
  public boolean isStale(long siteRef, Duration maxAge) {
    IntranetSite site = em.find(IntranetSite.class, siteRef);
    return site != null
        && site.audience() == Audience.GROUP
        && (site.syncedAt() == null || site.syncedAt().plus(maxAge).isBefore(clock.instant()));
  }

  /** Starts a read of a group site; empty for a site open to the organisation. */
  @Transactional
  public Optional<Claim> claim(long siteRef) {
    IntranetSite site = em.find(IntranetSite.class, siteRef);
    if (site == null || site.audience() != Audience.GROUP) {
      return Optional.empty();
    }
    long run = site.startSync();
    return Optional.of(
        new Claim(siteRef, site.tenantId(), site.groupId(), site.nestedGroups(), run));
  }

  /**
   * Records the group's users: people made or found for each, their site membership renewed, those
   * not listed any more let go; then the site's open pre-course spaces take the learners, as an LMS
   * roster does.
   */
  @Transactional
  public void reconcile(Claim claim, GroupRoster roster) {
    Instant now = clock.instant();
    IntranetSite site = em.find(IntranetSite.class, claim.siteRef());
    IntranetTenant tenant = em.find(IntranetTenant.class, site.tenantId());
    Map<Long, IntranetMember> members = new HashMap<>();
    em.createQuery("select m from IntranetMember m where m.site = :site", IntranetMember.class)
        .setParameter("site", site)
        .getResultStream()
        .forEach(m -> members.put(m.person().id(), m));
    List<Person> learners = new ArrayList<>();
    for (GraphUser user : roster.users()) {
      Person person =
          directory.person(
              tenant,
              site.course().platform(),
              user.id().toLowerCase(java.util.Locale.ROOT),
              user.displayName(),
              user.userPrincipalName() != null ? user.userPrincipalName() : user.mail());
      IntranetMember member = members.get(person.id());
      if (member == null) {
        member = new IntranetMember(site, person, claim.run(), now);
        em.persist(member);
        members.put(person.id(), member);
      } else {
        member.seen(claim.run(), now);
      }
      learners.add(person);
    }
    members.values().stream()
        .filter(m -> m.isActive() && m.seenRun() < claim.run())
        .forEach(m -> m.leave(now));
    for (Space space : openPreCourseSpaces(site, now)) {
      cohorts.placeAll(space, learners);
    }
    site.synced(roster.users().size(), roster.incomplete().size(), now);
  }

  @Transactional
  public void fail(long siteRef, String error) {
    IntranetSite site = em.find(IntranetSite.class, siteRef);
    if (site != null) {
      site.syncFailed(error, clock.instant());
    }
  }

  private List<Space> openPreCourseSpaces(IntranetSite site, Instant now) {
    return em.createQuery(
            "select distinct p.space from IntranetPage p where p.site = :site", Space.class)
        .setParameter("site", site)
        .getResultStream()
        .filter(
            s ->
                s.phase() == Phase.PRE_COURSE
                    && !s.isClosedAt(now)
                    && s.grouping() != GroupingMode.LMS_GROUPS)
        .toList();
  }
}
