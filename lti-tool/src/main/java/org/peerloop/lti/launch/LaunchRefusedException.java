package org.peerloop.lti.launch;

import java.util.Optional;
import org.peerloop.lti.platform.Registration;

/**
 * A launch that broke a rule. Carries the rule, a detail for administrators (never the token), and
 * the registration when it was known, for the log line.
 */
public class LaunchRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Refusal refusal;
  private final transient Registration registration;
  private long retryAfterSeconds;

  public LaunchRefusedException(Refusal refusal, String detail) {
    this(refusal, detail, null);
  }

  public LaunchRefusedException(Refusal refusal, String detail, Registration registration) {
    super(detail == null ? refusal.sentence() : detail, null, false, false);
    this.refusal = refusal;
    this.registration = registration;
  }

  /** A refusal for now: the seconds until trying again is allowed. */
  public static LaunchRefusedException tooMany(long retryAfterSeconds, Registration registration) {
    LaunchRefusedException e =
        new LaunchRefusedException(
            Refusal.TOO_MANY_REQUESTS, "launches of one person over the limit", registration);
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
  }

  /** Seconds until the launch may be tried again; 0 when trying again would not help. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public Refusal refusal() {
    return refusal;
  }

  public Optional<Registration> registration() {
    return Optional.ofNullable(registration);
  }
}
