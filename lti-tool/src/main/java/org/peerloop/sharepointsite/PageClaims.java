package org.peerloop.sharepointsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.peerloop.community.Caller;
import org.peerloop.community.Scope;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.ForbiddenException;
import org.peerloop.errors.NotFoundException;
import org.peerloop.intranet.Audience;
import org.peerloop.intranet.IntranetPage;
import org.peerloop.intranet.IntranetPageClaim;
import org.peerloop.intranet.IntranetTenant;
import org.peerloop.privacy.AuditTrail;
import org.peerloop.sharepoint.CohortWebPart;
import org.peerloop.sharepoint.entra.EntraUser;
import org.peerloop.space.Space;

/**
 * A facilitator's request to open their space from a SharePoint page. The request binds nothing: it
 * gives a code, which someone who can edit the page enters in the PeerLoop web part's settings
 * before publishing the page; {@link PageConfirmation} binds the page once the page carries it. So
 * a facilitator can neither take a site they do not edit nor lock out its owner.
 */
@ApplicationScoped
public class PageClaims {
  private static final Logger LOG = Logger.getLogger(PageClaims.class.getName());

  /** Long enough for a page's owner to be asked and to answer; short enough to be forgotten. */
  static final Duration VALID_FOR = Duration.ofDays(7);

  /** Crockford's Base32: no I, L, O or U to misread. */
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Scope scope;
  @Inject Tenants tenants;
  @Inject SiteBindings bindings;
  @Inject SharePointParts parts;
  @Inject AuditTrail audit;

  /** A request as its facilitator sees it; the code only in the answer that made it. */
  public record ClaimView(
      String tenantId,
      String siteId,
      String pageId,
      Audience audience,
      String groupId,
      boolean nestedGroups,
      String expiresAt,
      String code) {}

  /** Where the web part says it is, as SharePoint's page context tells it. */
  public record PageContext(
      String siteId, String pageId, String webUrl, String listId, String confirmationCode) {

    public boolean carriesCode() {
      return confirmationCode != null && !confirmationCode.isBlank();
    }
  }

  /**
   * A facilitator asks to open their space from a page of a site of a tenant linked to their LMS.
   * Asked again for the same page, the earlier code stops working.
   */
  @Transactional
  public ClaimView request(
      Caller caller,
      long spaceId,
      String tenantId,
      String siteId,
      String pageId,
      SiteBindings.Admission admission) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    IntranetTenant tenant = tenants.find(tenantId);
    if (!tenant.isActive()) {
      throw new ConflictException("tenant-disabled", "IT has disabled this tenant");
    }
    if (!tenant.serves(space.course().platform().id())) {
      // The tenant is another organisation's, or IT has not linked it to this LMS.
      throw new ForbiddenException(
          "tenant-not-linked", "IT has not linked this Microsoft 365 tenant to your LMS");
    }
    String site = IntranetTenant.guid("siteId", siteId);
    String page = IntranetPage.pageId(pageId);
    bindings.requireAdmissible(tenant, site, space.course(), admission);
    String code = newCode();
    Instant now = clock.instant();
    IntranetPageClaim claim =
        pending(tenant.tenantId(), site, page, space)
            .orElseGet(() -> new IntranetPageClaim(tenant, site, page, space));
    // Asked again, the new admission and code replace the earlier ones.
    claim.renew(
        admission.audience(),
        admission.groupId(),
        admission.nestedGroups(),
        hash(code),
        now,
        now.plus(VALID_FOR));
    if (claim.id() == null) {
      em.persist(claim);
    }
    em.flush();
    return view(claim, code);
  }

  /** The space's requests still waiting for their page, for its facilitators. */
  @Transactional
  public List<ClaimView> ofSpace(Caller caller, long spaceId) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    return em.createQuery(
            "select c from IntranetPageClaim c where c.space = :space and c.expiresAt > :now"
                + " order by c.id",
            IntranetPageClaim.class)
        .setParameter("space", space)
        .setParameter("now", clock.instant())
        .getResultStream()
        .map(c -> view(c, null))
        .toList();
  }

  /**
   * A facilitator takes their space off a page: the binding if the page opens their space, the
   * request if it still waits. Other spaces' pages and requests are not theirs to change.
   */
  @Transactional
  public void takeOff(Caller caller, long spaceId, String tenantId, String siteId, String pageId) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    IntranetTenant tenant = tenants.find(tenantId);
    String site = IntranetTenant.guid("siteId", siteId);
    String page = IntranetPage.pageId(pageId);
    Optional<IntranetPageClaim> claim = pending(tenant.tenantId(), site, page, space);
    claim.ifPresent(em::remove);
    boolean unbound = bindings.unbindPageOf(tenant, site, page, space);
    if (claim.isEmpty() && !unbound) {
      throw new NotFoundException("page-not-bound", "This page does not open the space");
    }
  }

  /**
   * The waiting request of the page the web part is on whose code it sends. A code that matches
   * none is ignored (a web part keeps its code after the confirmation).
   */
  @Transactional
  public Optional<Long> waiting(String tenantId, PageContext context) {
    String site = IntranetTenant.guid("siteId", context.siteId());
    String page = IntranetPage.pageId(context.pageId());
    return em.createQuery(
            "select c from IntranetPageClaim c where c.codeHash = :hash", IntranetPageClaim.class)
        .setParameter("hash", hash(context.confirmationCode()))
        .getResultStream()
        .findFirst()
        .filter(
            c ->
                c.tenantId().equals(tenantId)
                    && c.siteId().equals(site)
                    && c.pageId().equals(page)
                    && !c.expired(clock.instant()))
        .map(IntranetPageClaim::id);
  }

  /** Binds the page as the request asked, once the page confirmed it; the request is used up. */
  @Transactional
  public void confirmed(long claimId, EntraUser by) {
    IntranetPageClaim claim = em.find(IntranetPageClaim.class, claimId);
    if (claim == null || claim.expired(clock.instant())) {
      // Confirmed at once by another view of the page, or withdrawn meanwhile.
      return;
    }
    IntranetTenant tenant = tenants.find(claim.tenantId());
    if (!tenant.serves(claim.space().course().platform().id())) {
      // IT unlinked the tenant from the LMS after the facilitator asked.
      throw new ForbiddenException(
          "tenant-not-linked", "IT has not linked this Microsoft 365 tenant to the course's LMS");
    }
    bindings.bindConfirmed(
        tenant,
        claim.siteId(),
        claim.pageId(),
        claim.space(),
        new SiteBindings.Admission(claim.audience(), claim.groupId(), claim.nestedGroups()));
    em.remove(claim);
    audit.record(
        "Entra " + by.objectId(),
        "CONFIRM SharePoint page",
        "tenant "
            + claim.tenantId()
            + ", site "
            + claim.siteId()
            + ", page "
            + claim.pageId()
            + ", space "
            + claim.space().id(),
        200,
        claim.space().course().platform().id());
    LOG.info(
        () ->
            "SharePoint page "
                + claim.siteId()
                + "/"
                + claim.pageId()
                + " now opens space "
                + claim.space().id()
                + ", confirmed from the page");
  }

  /** Requests past their time. */
  @Transactional
  public int purgeExpired() {
    return em.createQuery("delete from IntranetPageClaim c where c.expiresAt <= :now")
        .setParameter("now", clock.instant())
        .executeUpdate();
  }

  private Optional<IntranetPageClaim> pending(
      String tenantId, String site, String page, Space space) {
    return em.createQuery(
            "select c from IntranetPageClaim c where c.tenantId = :tenant and c.siteId = :site"
                + " and c.pageId = :page and c.space = :space",
            IntranetPageClaim.class)
        .setParameter("tenant", tenantId)
        .setParameter("site", site)
        .setParameter("page", page)
        .setParameter("space", space)
        .getResultStream()
        .findFirst();
  }

  private ClaimView view(IntranetPageClaim claim, String code) {
    return new ClaimView(
        claim.tenantId(),
        claim.siteId(),
        claim.pageId(),
        claim.audience(),
        claim.groupId(),
        claim.nestedGroups(),
        claim.expiresAt().toString(),
        code);
  }

  /** {@code PLB-} and 16 Base32 characters in groups of four: 80 random bits. */
  static String newCode() {
    StringBuilder code = new StringBuilder("PLB");
    for (int i = 0; i < 16; i++) {
      if (i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  static String hash(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(CohortWebPart.normalise(code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every Java runtime", e);
    }
  }
}
