package org.peerloop.intranet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.Require;

/**
 * A directory tenant IT registered: what its access tokens must carry, and how its accounts become
 * people. Tokens of a tenant not registered here, or disabled, are never accepted.
 */
@Entity
@Table(name = "intranet_tenant")
public class IntranetTenant {
  static final Pattern GUID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  public enum Status {
    ACTIVE,
    DISABLED
  }

  @Id
  @Column(name = "tenant_id", length = 36)
  private String tenantId;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "api_client_id", nullable = false, length = 36)
  private String apiClientId;

  @Column(name = "app_id_uri", nullable = false)
  private String appIdUri;

  @Column(name = "required_scope", nullable = false, length = 128)
  private String requiredScope;

  /** Space-separated GUIDs. */
  @Column(name = "allowed_client_apps", nullable = false, length = 1024)
  private String allowedClientApps;

  @Enumerated(EnumType.STRING)
  @Column(name = "people_rule", nullable = false, length = 16)
  private PeopleRule peopleRule;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The LMS platforms this tenant serves, as a local administrator linked them. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "intranet_tenant_platform", joinColumns = @JoinColumn(name = "tenant_id"))
  @Column(name = "platform_id", nullable = false)
  private Set<Long> platformIds = new TreeSet<>();

  protected IntranetTenant() {}

  public IntranetTenant(String tenantId, Instant now) {
    this.tenantId = guid("tenantId", tenantId);
    this.status = Status.ACTIVE;
    this.createdAt = now;
  }

  /** Sets what tokens must carry; every value is checked, so nothing half-valid is stored. */
  public void configure(
      String displayName,
      String apiClientId,
      String appIdUri,
      String requiredScope,
      Set<String> allowedClientApps,
      PeopleRule peopleRule,
      Instant now) {
    String uri = Require.text("appIdUri", appIdUri, 255);
    if (!uri.startsWith("api://") && !uri.startsWith("https://")) {
      throw new InvalidValueException(
          "appIdUri", "An App ID URI starts with api:// or https://, as Entra requires");
    }
    String scope = Require.text("requiredScope", requiredScope, 128);
    if (!scope.matches("[A-Za-z0-9_.\\-]+")) {
      throw new InvalidValueException(
          "requiredScope", "A scope name is one word, e.g. user_impersonation");
    }
    if (allowedClientApps == null || allowedClientApps.isEmpty()) {
      throw new InvalidValueException(
          "allowedClientApps", "Name at least the SharePoint web part's client application");
    }
    Set<String> apps = new LinkedHashSet<>();
    for (String app : allowedClientApps) {
      apps.add(guid("allowedClientApps", app));
    }
    this.displayName = Require.text("displayName", displayName, 255);
    this.apiClientId = guid("apiClientId", apiClientId);
    this.appIdUri = uri;
    this.requiredScope = scope;
    this.allowedClientApps = String.join(" ", apps);
    this.peopleRule = peopleRule == null ? PeopleRule.SEPARATE : peopleRule;
    this.updatedAt = now;
  }

  /** Links the tenant to exactly these platforms. */
  public void serve(Set<Long> platforms, Instant now) {
    platformIds.clear();
    platformIds.addAll(platforms);
    this.updatedAt = now;
  }

  /** Whether the tenant serves this platform: its sites may show that platform's courses. */
  public boolean serves(long platformId) {
    return platformIds.contains(platformId);
  }

  public Set<Long> platformIds() {
    return Set.copyOf(platformIds);
  }

  public void setStatus(Status status, Instant now) {
    this.status = status;
    this.updatedAt = now;
  }

  /** A GUID in Entra's lower-case form, or the value refused. */
  public static String guid(String field, String value) {
    String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!GUID.matcher(text).matches()) {
      throw new InvalidValueException(
          field, "Must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47");
    }
    return text;
  }

  public String tenantId() {
    return tenantId;
  }

  public String displayName() {
    return displayName;
  }

  public String apiClientId() {
    return apiClientId;
  }

  public String appIdUri() {
    return appIdUri;
  }

  public String requiredScope() {
    return requiredScope;
  }

  public Set<String> allowedClientApps() {
    return new LinkedHashSet<>(Arrays.asList(allowedClientApps.split(" ")));
  }

  public PeopleRule peopleRule() {
    return peopleRule;
  }

  public Status status() {
    return status;
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
