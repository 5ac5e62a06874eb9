package org.peerloop.web.limits;

import com.nimbusds.jose.util.Base64URL;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalLong;
import org.peerloop.lti.launch.LaunchQuota;

/** The launch quota kept in the shared rate windows, so it holds across nodes. */
@ApplicationScoped
public class LaunchLimit implements LaunchQuota {
  @Inject RateLimiter limiter;

  @Override
  public OptionalLong admit(long platformId, String subject) {
    return limiter.check(Limit.LAUNCH, "person:" + platformId + ":" + digest(subject));
  }

  /** A platform's subject may be up to 255 characters; its digest keeps the window's key short. */
  private static String digest(String subject) {
    try {
      return Base64URL.encode(
              MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8)))
          .toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
