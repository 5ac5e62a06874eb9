package org.peerloop.web.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.lti.launch.LaunchRefusedException;
import org.peerloop.lti.launch.LtiClaims;
import org.peerloop.lti.platform.Registration;
import org.peerloop.text.LogText;

/**
 * Every refused launch, with what an administrator needs to fix it: the reason, the issuer, client
 * id and deployment id. One log line, and a record the console's launch diagnosis reads. Never the
 * token itself.
 */
@ApplicationScoped
public class LaunchRefusalLog {
  private static final Logger LOG = Logger.getLogger("org.peerloop.lti.launch");

  @Inject LaunchRefusalRecorder recorder;

  /** Who claimed to launch, read from the token without trusting it. */
  record Claimed(Long platformId, String issuer, String clientId, String deploymentId) {}

  public void record(LaunchRefusedException e, String idToken) {
    Claimed claimed = claimed(e, idToken);
    LOG.warning(
        "Launch refused: reason="
            + e.refusal().code()
            + " issuer="
            + clean(claimed.issuer())
            + " client_id="
            + clean(claimed.clientId())
            + " deployment_id="
            + clean(claimed.deploymentId())
            + " detail="
            + clean(e.getMessage()));
    try {
      recorder.record(claimed, e.refusal().code(), clean(e.getMessage()));
    } catch (RuntimeException notRecorded) {
      // The person still gets the refusal page; the log line above has the facts.
      LOG.log(Level.WARNING, "The refused launch could not be recorded for diagnosis", notRecorded);
    }
  }

  static Claimed claimed(LaunchRefusedException e, String idToken) {
    Long platformId = null;
    String issuer = null;
    String clientId = null;
    String deploymentId = null;
    if (e.registration().isPresent()) {
      Registration platform = e.registration().get();
      platformId = platform.platformId();
      issuer = platform.issuer();
      clientId = platform.clientId();
    }
    if (idToken != null && idToken.length() <= 64 * 1024) {
      try {
        // Unverified, for diagnosis only: it says who claimed to launch.
        JWTClaimsSet claims = JWTParser.parse(idToken).getJWTClaimsSet();
        issuer = issuer == null ? claims.getIssuer() : issuer;
        clientId = clientId == null ? String.join(" ", claims.getAudience()) : clientId;
        Object deployment = claims.getClaim(LtiClaims.DEPLOYMENT_ID);
        deploymentId = deployment == null ? null : String.valueOf(deployment);
      } catch (java.text.ParseException | RuntimeException ignored) {
        // A token too broken to read; the reason says so.
      }
    }
    return new Claimed(platformId, issuer, clientId, deploymentId);
  }

  /** Values come from outside: keep them on one line and bounded. */
  static String clean(String value) {
    return LogText.oneLine(value);
  }
}
