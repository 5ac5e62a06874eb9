package org.peerloop.intranet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.peerloop.space.Space;

/**
 * A facilitator's request to open a space from a SharePoint page, until the page's side confirms
 * it. It binds nothing: the page's editor enters its code in the PeerLoop web part, and only a page
 * that carries the code is bound. The code itself is not kept, only its hash.
 */
@Entity
@Table(name = "intranet_page_claim")
public class IntranetPageClaim {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "site_id", nullable = false, length = 36)
  private String siteId;

  @Column(name = "page_id", nullable = false, length = 64)
  private String pageId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "space_id", nullable = false)
  private Space space;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Audience audience;

  @Column(name = "group_id", length = 36)
  private String groupId;

  @Column(name = "nested_groups", nullable = false)
  private boolean nestedGroups;

  @Column(name = "code_hash", nullable = false, length = 64)
  private String codeHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected IntranetPageClaim() {}

  /** A request for this page; {@link #renew} gives it its admission and code before it is kept. */
  public IntranetPageClaim(IntranetTenant tenant, String siteId, String pageId, Space space) {
    this.tenantId = tenant.tenantId();
    this.siteId = IntranetTenant.guid("siteId", siteId);
    this.pageId = IntranetPage.pageId(pageId);
    this.space = Objects.requireNonNull(space, "space");
  }

  /** Who may enter, the code's hash and the time limit: a new request's, or one asked again. */
  public void renew(
      Audience audience,
      String groupId,
      boolean nestedGroups,
      String codeHash,
      Instant now,
      Instant expiresAt) {
    this.audience = Objects.requireNonNull(audience, "audience");
    this.groupId = audience == Audience.GROUP ? IntranetTenant.guid("groupId", groupId) : null;
    this.nestedGroups = audience == Audience.GROUP && nestedGroups;
    this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public Long id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String siteId() {
    return siteId;
  }

  public String pageId() {
    return pageId;
  }

  public Space space() {
    return space;
  }

  public Audience audience() {
    return audience;
  }

  public String groupId() {
    return groupId;
  }

  public boolean nestedGroups() {
    return nestedGroups;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
