package org.peerloop.sharepointsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.peerloop.community.Caller;
import org.peerloop.community.Scope;
import org.peerloop.course.Course;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.NotFoundException;
import org.peerloop.intranet.Audience;
import org.peerloop.intranet.IntranetPage;
import org.peerloop.intranet.IntranetSite;
import org.peerloop.intranet.IntranetTenant;
import org.peerloop.sharepoint.graph.GraphClient;
import org.peerloop.sharepoint.graph.GraphException;
import org.peerloop.space.Space;

/**
 * Which SharePoint site stands for which course, and which page opens which space. IT binds any
 * site and page; a facilitator's request binds a page to a space of their own course (and the
 * page's site to that course, unless it already stands for another one) once the page confirmed it
 * ({@link PageClaims}).
 */
@ApplicationScoped
public class SiteBindings {
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Tenants tenants;
  @Inject Scope scope;
  @Inject Event<SiteAdmission> admissions;
  @Inject SharePointParts parts;

  /** Who may enter a site's spaces. */
  public record Admission(Audience audience, String groupId, boolean nestedGroups) {}

  /** A site binding as the API shows it. */
  public record SiteView(
      String tenantId,
      String siteId,
      long courseId,
      String courseTitle,
      Audience audience,
      String groupId,
      boolean nestedGroups,
      String syncedAt,
      int membersSeen,
      int membersIncomplete,
      String syncError,
      List<PageView> pages) {}

  public record PageView(String pageId, long spaceId, String spaceTitle) {}

  /** IT binds a site to a course. */
  @Transactional
  public SiteView bindSite(String tenantId, String siteId, long courseId, Admission admission) {
    IntranetTenant tenant = tenants.find(tenantId);
    Course course = em.find(Course.class, courseId);
    if (course == null) {
      throw new NotFoundException("course-not-found", "No such course");
    }
    IntranetSite site = admit(tenant, siteId, course, admission);
    em.flush();
    admissions.fire(new SiteAdmission(site.id()));
    return view(site);
  }

  /**
   * The site bound to the course with the admission given: bound now if it was not, refused if it
   * stands for another course (its pages open that course's spaces).
   */
  private IntranetSite admit(
      IntranetTenant tenant, String siteId, Course course, Admission admission) {
    if (admission.audience() == Audience.GROUP) {
      requireSitesOwnGroup(tenant, siteId, admission.groupId());
    }
    IntranetSite site = site(tenant, siteId).orElse(null);
    if (site == null) {
      site = new IntranetSite(tenant, siteId, course, clock.instant());
      site.admit(admission.audience(), admission.groupId(), admission.nestedGroups());
      em.persist(site);
    } else if (!site.course().id().equals(course.id())) {
      throw new ConflictException(
          "site-bound-elsewhere", "This SharePoint site already stands for another course");
    } else {
      site.admit(admission.audience(), admission.groupId(), admission.nestedGroups());
    }
    return site;
  }

  /**
   * A site's members are read through PeerLoop's own Graph credentials, so the group named must be
   * the site's own Microsoft 365 group (Graph says which site a group's is): naming any other group
   * would read it into a course without anyone of it asking.
   */
  private void requireSitesOwnGroup(IntranetTenant tenant, String siteId, String groupId) {
    String site = IntranetTenant.guid("siteId", siteId);
    String group = IntranetTenant.guid("groupId", groupId);
    GraphClient graph =
        parts
            .graph(tenant.tenantId())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "graph-not-configured",
                        "A group audience needs Microsoft Graph credentials, which IT sets"));
    Optional<String> groupsSite;
    try {
      groupsSite = graph.groupSiteId(group);
    } catch (GraphException e) {
      throw new ConflictException(
          "group-unverifiable", "Microsoft Graph could not say which site the group has");
    }
    if (!groupsSite.map(site::equals).orElse(false)) {
      throw new ConflictException(
          "group-not-of-site", "The group is not this site's own Microsoft 365 group");
    }
  }

  /** IT points a page of a bound site at a space of the site's course. */
  @Transactional
  public SiteView bindPage(String tenantId, String siteId, String pageId, long spaceId) {
    IntranetSite site =
        site(tenants.find(tenantId), siteId)
            .orElseThrow(
                () -> new NotFoundException("site-not-bound", "Bind the site to a course first"));
    Space space = em.find(Space.class, spaceId);
    if (space == null) {
      throw new NotFoundException("space-not-found", "No such space");
    }
    if (!space.course().id().equals(site.course().id())) {
      // The page's session is the site's course: a space of another would open outside it.
      throw new ConflictException(
          "space-of-another-course", "The space belongs to another course than the site");
    }
    openPage(site, pageId, space);
    return view(site);
  }

  /**
   * A facilitator's request could be confirmed: the site is not bound to another course, and a
   * group audience is the site's own group. Checked again when the page confirms it.
   */
  void requireAdmissible(IntranetTenant tenant, String siteId, Course course, Admission admission) {
    if (site(tenant, siteId).filter(s -> !s.course().id().equals(course.id())).isPresent()) {
      throw new ConflictException(
          "site-bound-elsewhere", "This SharePoint site already stands for another course");
    }
    if (admission.audience() == Audience.GROUP) {
      requireSitesOwnGroup(tenant, siteId, admission.groupId());
    }
  }

  /**
   * Opens the space from the page as a facilitator asked and the page confirmed: the site is bound
   * to the space's course if it is not bound yet; a site standing for another course is refused.
   */
  void bindConfirmed(
      IntranetTenant tenant, String siteId, String pageId, Space space, Admission admission) {
    IntranetSite site = admit(tenant, siteId, space.course(), admission);
    openPage(site, pageId, space);
    admissions.fire(new SiteAdmission(site.id()));
  }

  /** Takes the space off the page if the page opens it; whether it did. */
  boolean unbindPageOf(IntranetTenant tenant, String siteId, String pageId, Space space) {
    Optional<IntranetPage> page =
        site(tenant, siteId)
            .flatMap(site -> page(site, pageId))
            .filter(p -> p.space().id().equals(space.id()));
    page.ifPresent(em::remove);
    return page.isPresent();
  }

  /** The SharePoint pages of a space, for its facilitators. */
  @Transactional
  public List<SiteView> ofSpace(Caller caller, long spaceId) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    return em.createQuery(
            "select distinct p.site from IntranetPage p where p.space = :space", IntranetSite.class)
        .setParameter("space", space)
        .getResultStream()
        .map(this::view)
        .toList();
  }

  @Transactional
  public List<SiteView> list() {
    return em.createQuery("select s from IntranetSite s order by s.id", IntranetSite.class)
        .getResultStream()
        .map(this::view)
        .toList();
  }

  /** IT removes a page's binding; the space and its posts stay. */
  @Transactional
  public void unbindPage(String tenantId, String siteId, String pageId) {
    IntranetSite site =
        site(tenants.find(tenantId), siteId)
            .orElseThrow(() -> new NotFoundException("site-not-bound", "No such site binding"));
    page(site, IntranetPage.pageId(pageId))
        .ifPresentOrElse(
            em::remove,
            () -> {
              throw new NotFoundException("page-not-bound", "No such page binding");
            });
  }

  /**
   * IT takes a site off its course: its pages open nothing any more and its roster is forgotten;
   * the spaces and their posts stay. The site can then be bound to another course.
   */
  @Transactional
  public void unbindSite(String tenantId, String siteId) {
    IntranetSite site =
        site(tenants.find(tenantId), siteId)
            .orElseThrow(() -> new NotFoundException("site-not-bound", "No such site binding"));
    em.createQuery("delete from IntranetMember m where m.site = :site")
        .setParameter("site", site)
        .executeUpdate();
    em.createQuery("delete from IntranetPage p where p.site = :site")
        .setParameter("site", site)
        .executeUpdate();
    em.remove(site);
  }

  /** The binding's row id, for the roster reads. */
  @Transactional
  public long siteRef(String tenantId, String siteId) {
    return site(tenants.find(tenantId), siteId)
        .orElseThrow(() -> new NotFoundException("site-not-bound", "No such site binding"))
        .id();
  }

  Optional<IntranetSite> site(IntranetTenant tenant, String siteId) {
    return em.createQuery(
            "select s from IntranetSite s where s.tenantId = :tenant and s.siteId = :site",
            IntranetSite.class)
        .setParameter("tenant", tenant.tenantId())
        .setParameter("site", IntranetTenant.guid("siteId", siteId))
        .getResultStream()
        .findFirst();
  }

  Optional<IntranetPage> page(IntranetSite site, String pageId) {
    return em.createQuery(
            "select p from IntranetPage p join fetch p.space where p.site = :site and p.pageId = :page",
            IntranetPage.class)
        .setParameter("site", site)
        .setParameter("page", pageId)
        .getResultStream()
        .findFirst();
  }

  private void openPage(IntranetSite site, String pageId, Space space) {
    String id = IntranetPage.pageId(pageId);
    Optional<IntranetPage> existing = page(site, id);
    if (existing.isPresent()) {
      existing.get().open(space);
    } else {
      em.persist(new IntranetPage(site, id, space, clock.instant()));
    }
    em.flush();
  }

  private SiteView view(IntranetSite site) {
    List<PageView> pages =
        em.createQuery(
                "select p from IntranetPage p join fetch p.space where p.site = :site order by p.id",
                IntranetPage.class)
            .setParameter("site", site)
            .getResultStream()
            .map(p -> new PageView(p.pageId(), p.space().id(), p.space().title()))
            .toList();
    return new SiteView(
        site.tenantId(),
        site.siteId(),
        site.course().id(),
        site.course().title(),
        site.audience(),
        site.groupId(),
        site.nestedGroups(),
        site.syncedAt() == null ? null : site.syncedAt().toString(),
        site.membersSeen(),
        site.membersIncomplete(),
        site.syncError(),
        pages);
  }
}
