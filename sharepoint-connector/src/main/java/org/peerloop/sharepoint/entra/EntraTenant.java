package org.peerloop.sharepoint.entra;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a registered tenant's tokens must say to be accepted.
 *
 * @param tenantId the Entra directory (tenant) id, a GUID
 * @param clientId PeerLoop's API app registration in that tenant: the {@code aud} of v2.0 tokens
 * @param appIdUri the API's App ID URI ({@code api://…}): the {@code aud} of v1.0 tokens
 * @param requiredScope the delegated scope the caller must hold, e.g. {@code user_impersonation}
 * @param allowedClientApps the client applications ({@code azp} in v2.0, {@code appid} in v1.0)
 *     allowed to call: the SharePoint web part's principal in that tenant
 */
public record EntraTenant(
    String tenantId,
    String clientId,
    String appIdUri,
    String requiredScope,
    Set<String> allowedClientApps) {

  public EntraTenant {
    tenantId = Objects.requireNonNull(tenantId, "tenantId").toLowerCase(Locale.ROOT);
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(appIdUri, "appIdUri");
    Objects.requireNonNull(requiredScope, "requiredScope");
    allowedClientApps =
        Set.copyOf(allowedClientApps.stream().map(app -> app.toLowerCase(Locale.ROOT)).toList());
  }

  /** The v2.0 issuer: Microsoft identity platform access tokens, {@code ver} 2.0. */
  public String issuerV2() {
    return "https://login.microsoftonline.com/" + tenantId + "/v2.0";
  }

  /** The v1.0 issuer: Azure AD (STS) access tokens, {@code ver} 1.0. */
  public String issuerV1() {
    return "https://sts.windows.net/" + tenantId + "/";
  }
}
