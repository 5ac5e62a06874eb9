package org.peerloop.web.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.util.logging.Logger;
import org.peerloop.lti.launch.LaunchRefusedException;
import org.peerloop.lti.launch.LtiClaims;
import org.peerloop.lti.platform.Registration;

/**
 * One log line per refused launch, with what an administrator needs to fix it: the reason, the
 * issuer, client id and deployment id. Never the token itself.
 */
final class LaunchRefusalLog {
  private static final Logger LOG = Logger.getLogger("org.peerloop.lti.launch");

  private LaunchRefusalLog() {}

  static void record(LaunchRefusedException e, String idToken) {
    String issuer = null;
    String clientId = null;
    String deploymentId = null;
    if (e.registration().isPresent()) {
      Registration platform = e.registration().get();
      issuer = platform.issuer();
      clientId = platform.clientId();
    }
    if (idToken != null && idToken.length() <= 64 * 1024) {
      try {
        // Unverified, for the log only: it says who claimed to launch.
        JWTClaimsSet claims = JWTParser.parse(idToken).getJWTClaimsSet();
        issuer = issuer == null ? claims.getIssuer() : issuer;
        clientId = clientId == null ? String.join(" ", claims.getAudience()) : clientId;
        deploymentId = String.valueOf(claims.getClaim(LtiClaims.DEPLOYMENT_ID));
      } catch (java.text.ParseException | RuntimeException ignored) {
        // A token too broken to read; the reason says so.
      }
    }
    String line =
        "Launch refused: reason="
            + e.refusal().code()
            + " issuer="
            + clean(issuer)
            + " client_id="
            + clean(clientId)
            + " deployment_id="
            + clean(deploymentId)
            + " detail="
            + clean(e.getMessage());
    LOG.warning(line);
  }

  /** Values come from outside: keep them on one line and bounded. */
  private static String clean(String value) {
    if (value == null) {
      return "-";
    }
    String oneLine = value.replaceAll("[\\r\\n\\t]", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }
}
