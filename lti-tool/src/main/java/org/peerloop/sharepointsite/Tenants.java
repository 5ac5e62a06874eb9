package org.peerloop.sharepointsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.peerloop.errors.NotFoundException;
import org.peerloop.intranet.IntranetTenant;
import org.peerloop.intranet.PeopleRule;
import org.peerloop.lti.session.RevokedSessions;
import org.peerloop.platform.Platform;
import org.peerloop.sharepoint.entra.EntraTenant;
import org.peerloop.signin.SessionRevocations;

/** The Entra tenants IT registered, and what their tokens must carry. */
@ApplicationScoped
public class Tenants {
  /** The SharePoint Online Client Extensibility Web Application Principal's usual app id. */
  public static final String SHAREPOINT_WEB_PART_APP = "08e18876-6177-487e-b8b5-cf950c1e598c";

  public static final String DEFAULT_SCOPE = "user_impersonation";

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject RevokedSessions revoked;

  /** What IT sends to register or change a tenant. */
  public record Form(
      String displayName,
      String apiClientId,
      String appIdUri,
      String requiredScope,
      Set<String> allowedClientApps,
      PeopleRule peopleRule) {}

  /** A tenant as the admin API shows it. */
  public record View(
      String tenantId,
      String displayName,
      String apiClientId,
      String appIdUri,
      String requiredScope,
      Set<String> allowedClientApps,
      PeopleRule peopleRule,
      String status,
      String updatedAt,
      Set<Long> platformIds) {
    static View of(IntranetTenant t) {
      return new View(
          t.tenantId(),
          t.displayName(),
          t.apiClientId(),
          t.appIdUri(),
          t.requiredScope(),
          t.allowedClientApps(),
          t.peopleRule(),
          t.status().name(),
          t.updatedAt().toString(),
          t.platformIds());
    }
  }

  /** Registers a tenant, or changes one; every value is checked before anything is stored. */
  @Transactional
  public View register(String tenantId, Form form) {
    String id = IntranetTenant.guid("tenantId", tenantId);
    IntranetTenant tenant = em.find(IntranetTenant.class, id);
    boolean created = tenant == null;
    if (created) {
      tenant = new IntranetTenant(id, clock.instant());
    }
    tenant.configure(
        form.displayName(),
        form.apiClientId(),
        form.appIdUri(),
        form.requiredScope() == null ? DEFAULT_SCOPE : form.requiredScope(),
        form.allowedClientApps() == null
            ? Set.of(SHAREPOINT_WEB_PART_APP)
            : form.allowedClientApps(),
        form.peopleRule(),
        clock.instant());
    if (created) {
      em.persist(tenant);
    }
    return View.of(tenant);
  }

  @Transactional
  public View setStatus(String tenantId, IntranetTenant.Status status) {
    IntranetTenant tenant = find(tenantId);
    tenant.setStatus(status, clock.instant());
    if (status != IntranetTenant.Status.ACTIVE) {
      // Its people's SharePoint sessions end on every node; their LMS launches are not its to end.
      revoked.revoke(SessionRevocations.tenant(tenant.tenantId()));
    }
    return View.of(tenant);
  }

  /** Links the tenant to the platforms it serves; a platform that does not exist is refused. */
  @Transactional
  public View serve(String tenantId, Set<Long> platformIds) {
    IntranetTenant tenant = find(tenantId);
    for (long platformId : platformIds) {
      if (em.find(Platform.class, platformId) == null) {
        throw new NotFoundException("platform-not-found", "No platform has the id " + platformId);
      }
    }
    tenant.serve(platformIds, clock.instant());
    return View.of(tenant);
  }

  @Transactional
  public List<View> list() {
    return em.createQuery(
            "select t from IntranetTenant t order by t.displayName", IntranetTenant.class)
        .getResultStream()
        .map(View::of)
        .toList();
  }

  @Transactional
  public View view(String tenantId) {
    return View.of(find(tenantId));
  }

  /** The validation rules of an active tenant; a disabled or unknown one has none. */
  @Transactional
  public Optional<EntraTenant> active(String tenantId) {
    return Optional.ofNullable(em.find(IntranetTenant.class, tenantId))
        .filter(IntranetTenant::isActive)
        .map(
            t ->
                new EntraTenant(
                    t.tenantId(),
                    t.apiClientId(),
                    t.appIdUri(),
                    t.requiredScope(),
                    t.allowedClientApps()));
  }

  IntranetTenant find(String tenantId) {
    IntranetTenant tenant =
        em.find(IntranetTenant.class, IntranetTenant.guid("tenantId", tenantId));
    if (tenant == null) {
      throw new NotFoundException("tenant-not-found", "No such tenant is registered");
    }
    return tenant;
  }
}
