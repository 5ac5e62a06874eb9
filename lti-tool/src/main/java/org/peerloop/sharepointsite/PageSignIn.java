package org.peerloop.sharepointsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import org.peerloop.course.Course;
import org.peerloop.errors.ForbiddenException;
import org.peerloop.errors.NotFoundException;
import org.peerloop.intranet.Audience;
import org.peerloop.intranet.IntranetMember;
import org.peerloop.intranet.IntranetPage;
import org.peerloop.intranet.IntranetSite;
import org.peerloop.intranet.IntranetTenant;
import org.peerloop.lti.roles.Role;
import org.peerloop.lti.session.SessionTokenCodec;
import org.peerloop.lti.session.SessionTokens;
import org.peerloop.people.Person;
import org.peerloop.roster.RosterEntry;
import org.peerloop.sharepoint.entra.EntraTokenRefusedException;
import org.peerloop.sharepoint.entra.EntraUser;
import org.peerloop.space.Space;
import org.peerloop.web.problem.ProblemException;

/**
 * Exchanges an Entra access token from the web part for a PeerLoop session token of the space bound
 * to the page. The token alone says who the person is; the site and page ids only say which page
 * they are on (the web part reads them from SharePoint's page context, and anyone could send other
 * ones), so they choose the space but never grant entry: the site's audience does.
 */
@ApplicationScoped
public class PageSignIn {
  private static final Logger LOG = Logger.getLogger(PageSignIn.class.getName());

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject SharePointParts parts;
  @Inject Tenants tenants;
  @Inject SiteBindings bindings;
  @Inject DirectoryPeople directory;
  @Inject SessionTokens sessions;
  @Inject Event<SiteVisited> visits;

  /** A session for a page's space. */
  public record PageSession(
      String token, String expiresAt, long spaceId, String spaceTitle, String personName) {}

  /**
   * Who the Entra access token says the person is, of a tenant PeerLoop knows and that is active.
   *
   * @throws ProblemException 401 for a refused token
   */
  @Transactional
  public EntraUser authenticate(String accessToken) {
    try {
      return parts.tokens().validate(accessToken, tenants::active);
    } catch (EntraTokenRefusedException e) {
      LOG.info(() -> "SharePoint session refused: " + e.refusal().code());
      throw ProblemException.unauthorized(e.refusal().code(), e.getMessage());
    }
  }

  /**
   * A session of the space the page opens, for a person {@link #authenticate} named.
   *
   * @throws ProblemException 404 for a page not bound; 403 for no entry
   */
  @Transactional
  public PageSession exchange(EntraUser user, String siteId, String pageId) {
    IntranetTenant tenant = tenants.find(user.tenantId());
    IntranetSite site =
        bindings
            .site(tenant, siteId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "page-not-bound",
                        "This SharePoint site is not linked to a PeerLoop course yet"));
    IntranetPage page =
        bindings
            .page(site, IntranetPage.pageId(pageId))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "page-not-bound", "This page is not linked to a PeerLoop space yet"));
    Course course = site.course();
    Person person =
        directory.person(tenant, course.platform(), user.objectId(), user.name(), user.username());
    if (site.audience() == Audience.GROUP && !inGroup(site, person)) {
      visits.fire(new SiteVisited(site.id()));
      throw new ForbiddenException(
          site.syncedAt() == null ? "site-roster-pending" : "not-in-site-group",
          site.syncedAt() == null
              ? "The site's members have not been read from Microsoft 365 yet; try again shortly"
              : "Only members of this site's Microsoft 365 group can join its cohorts");
    }
    visits.fire(new SiteVisited(site.id()));
    Space space = page.space();
    SessionTokenCodec.IssuedToken issued =
        sessions.issueForTenant(
            person.id(),
            course.platform().id(),
            course.id(),
            space.resourceLink().id(),
            roles(course, person),
            tenant.tenantId());
    return new PageSession(
        issued.token(),
        issued.expiresAt().toString(),
        space.id(),
        space.title(),
        person.displayName());
  }

  private boolean inGroup(IntranetSite site, Person person) {
    return !em.createQuery(
            "select m from IntranetMember m where m.site = :site and m.person = :person"
                + " and m.active = true",
            IntranetMember.class)
        .setParameter("site", site)
        .setParameter("person", person)
        .getResultList()
        .isEmpty();
  }

  /**
   * A learner, unless the LMS's roster says this person (a linked account) facilitates the course:
   * SharePoint itself grants no course role.
   */
  private Set<Role> roles(Course course, Person person) {
    boolean facilitates =
        em.createQuery(
                "select e from RosterEntry e where e.course = :course and e.person = :person"
                    + " and e.active = true",
                RosterEntry.class)
            .setParameter("course", course)
            .setParameter("person", person)
            .getResultStream()
            .anyMatch(RosterEntry::facilitates);
    return facilitates ? EnumSet.of(Role.FACILITATOR) : EnumSet.of(Role.LEARNER);
  }
}
