package org.peerloop.lti.deeplinking;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The claims of an {@code LtiDeepLinkingResponse} (Deep Linking 2.0 §4.5): issued by the tool as
 * its client id, for the platform, in the deployment of the request, with the request's {@code
 * data} echoed. The caller signs them with the tool's current key.
 */
public final class DeepLinkingResponse {
  /** The browser posts the response at once; platforms verify it on arrival. */
  static final Duration LIFETIME = Duration.ofMinutes(5);

  private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
  private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

  private DeepLinkingResponse() {}

  public static JWTClaimsSet claims(
      DeepLinkingRequest request,
      String clientId,
      String platformIssuer,
      List<ContentItem> items,
      String message,
      Instant now) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .audience(platformIssuer)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .claim("nonce", UUID.randomUUID().toString())
            .claim(LTI + "message_type", "LtiDeepLinkingResponse")
            .claim(LTI + "version", "1.3.0")
            .claim(LTI + "deployment_id", request.deploymentId())
            .claim(DL + "content_items", items.stream().map(ContentItem::toClaim).toList());
    if (request.data() != null) {
      claims.claim(DL + "data", request.data());
    }
    if (message != null) {
      claims.claim(DL + "msg", message);
    }
    return claims.build();
  }
}
