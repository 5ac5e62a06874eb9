package org.peerloop.platform;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.Require;

/**
 * One registered LMS installation: the values of an LTI 1.3 registration (LTI Core §3.1.3, 1EdTech
 * Security Framework §5.1). Several platforms may share an issuer (one Moodle site, two client
 * ids), so the natural key is issuer plus client id.
 */
@Entity
@Table(name = "platform")
public class Platform {
  static final int URL_MAX = 1024;
  static final int ID_MAX = 255;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = ID_MAX)
  private String issuer;

  @Column(name = "client_id", nullable = false, length = ID_MAX)
  private String clientId;

  @Column(name = "auth_login_url", nullable = false, length = URL_MAX)
  private String authLoginUrl;

  @Column(name = "auth_token_url", nullable = false, length = URL_MAX)
  private String authTokenUrl;

  @Column(name = "jwks_url", nullable = false, length = URL_MAX)
  private String jwksUrl;

  @Enumerated(EnumType.STRING)
  @Column(name = "product_family", nullable = false, length = 32)
  private ProductFamily productFamily;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PlatformStatus status;

  /**
   * Lazy: a launch reads its platform with the person it is for, and needs the deployments only
   * from the registration its node keeps. EclipseLink still reads them after the transaction (for
   * the admin views), as long as the persistence unit is open.
   */
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "platform_deployment", joinColumns = @JoinColumn(name = "platform_id"))
  @Column(name = "deployment_id", nullable = false, length = ID_MAX)
  private Set<String> deploymentIds = new TreeSet<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** When it last launched successfully, to the minute (see the launch's recording). */
  @Column(name = "last_launch_at")
  private Instant lastLaunchAt;

  /**
   * Whether this LMS's administrators may open the console from a launch, as administrators of this
   * platform only; a local administrator turns it on.
   */
  @Column(name = "console_from_lms", nullable = false)
  private boolean consoleFromLms;

  /** Hosts its services may be on besides those of its registered URLs, separated by spaces. */
  @Column(name = "service_hosts", length = 1000)
  private String serviceHosts;

  protected Platform() {}

  /**
   * @param authLoginUrl the platform's OIDC authorization endpoint (where the login redirects)
   * @param authTokenUrl the platform's OAuth 2 token endpoint (for LTI Advantage services)
   * @param jwksUrl where the platform publishes the keys it signs id_tokens with
   */
  public Platform(
      String issuer,
      String clientId,
      String authLoginUrl,
      String authTokenUrl,
      String jwksUrl,
      ProductFamily productFamily,
      PlatformStatus status,
      Instant createdAt) {
    // LTI Core §5.1.2: the issuer is a case-sensitive URL; compare it as given, never normalise.
    this.issuer = Require.httpUrl("issuer", issuer, ID_MAX);
    this.clientId = Require.text("clientId", clientId, ID_MAX);
    this.authLoginUrl = Require.httpUrl("authLoginUrl", authLoginUrl, URL_MAX);
    this.authTokenUrl = Require.httpUrl("authTokenUrl", authTokenUrl, URL_MAX);
    this.jwksUrl = Require.httpUrl("jwksUrl", jwksUrl, URL_MAX);
    this.productFamily = productFamily == null ? ProductFamily.OTHER : productFamily;
    this.status = status == null ? PlatformStatus.PENDING : status;
    this.createdAt = createdAt;
  }

  /**
   * Takes the endpoints a platform's update of its registration names (Moodle's *Update* sends the
   * same client id with new values); the issuer and client id stay, as does the approval.
   */
  public void updateEndpoints(
      String authLoginUrl, String authTokenUrl, String jwksUrl, ProductFamily productFamily) {
    this.authLoginUrl = Require.httpUrl("authLoginUrl", authLoginUrl, URL_MAX);
    this.authTokenUrl = Require.httpUrl("authTokenUrl", authTokenUrl, URL_MAX);
    this.jwksUrl = Require.httpUrl("jwksUrl", jwksUrl, URL_MAX);
    if (productFamily != null) {
      this.productFamily = productFamily;
    }
  }

  /** Adds a deployment (LTI Core §3.1.3: one registration, many deployments); idempotent. */
  public void addDeployment(String deploymentId) {
    deploymentIds.add(Require.text("deploymentId", deploymentId, ID_MAX));
  }

  public boolean hasDeployment(String deploymentId) {
    return deploymentIds.contains(deploymentId);
  }

  public boolean acceptsLaunches() {
    return status == PlatformStatus.ACTIVE;
  }

  public void changeStatus(PlatformStatus newStatus) {
    this.status = newStatus;
  }

  /**
   * Whether PeerLoop may call this service URL of the platform's (from a launch's Names and Roles
   * or grade service claim) with the platform's access token: its host is the host of one of the
   * registered URLs, or one IT listed for the platform.
   */
  public boolean servesFrom(String url) {
    String host = host(url);
    if (host == null) {
      return false;
    }
    for (String registered : new String[] {issuer, authLoginUrl, authTokenUrl, jwksUrl}) {
      if (host.equals(host(registered))) {
        return true;
      }
    }
    return extraServiceHosts().contains(host);
  }

  public List<String> extraServiceHosts() {
    return serviceHosts == null || serviceHosts.isBlank()
        ? List.of()
        : List.of(serviceHosts.strip().split("\\s+"));
  }

  /** Replaces the extra service hosts (lower-case host names, no scheme or port). */
  public void useServiceHosts(Collection<String> hosts) {
    List<String> clean = new ArrayList<>();
    for (String h : hosts) {
      String value = h == null ? "" : h.strip().toLowerCase(Locale.ROOT);
      if (!value.matches(
          "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+")) {
        throw new InvalidValueException(
            "serviceHosts", "A service host is a host name such as school.instructure.com");
      }
      clean.add(value);
    }
    String joined = String.join(" ", clean);
    if (joined.length() > 1000) {
      throw new InvalidValueException("serviceHosts", "At most 1000 characters of service hosts");
    }
    this.serviceHosts = joined.isEmpty() ? null : joined;
  }

  private static String host(String url) {
    try {
      String host = url == null ? null : URI.create(url.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean allowsConsoleFromLms() {
    return consoleFromLms;
  }

  public void allowConsoleFromLms(boolean allowed) {
    this.consoleFromLms = allowed;
  }

  public Long id() {
    return id;
  }

  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  public String authLoginUrl() {
    return authLoginUrl;
  }

  public String authTokenUrl() {
    return authTokenUrl;
  }

  public String jwksUrl() {
    return jwksUrl;
  }

  public ProductFamily productFamily() {
    return productFamily;
  }

  public PlatformStatus status() {
    return status;
  }

  public Set<String> deploymentIds() {
    return Collections.unmodifiableSet(deploymentIds);
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "Platform[" + issuer + ", client " + clientId + "]";
  }

  public Instant lastLaunchAt() {
    return lastLaunchAt;
  }
}
