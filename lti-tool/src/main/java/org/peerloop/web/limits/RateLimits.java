package org.peerloop.web.limits;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.settings.Settings;
import org.peerloop.web.lti.LaunchPages;

/**
 * Puts a {@link RateLimitFilter} for its limit in front of every method marked {@link RateLimited},
 * after authentication.
 */
@Provider
public class RateLimits implements DynamicFeature {
  private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

  @Inject RateLimiter limiter;
  @Inject CurrentSession session;
  @Inject Settings settings;
  @Inject LaunchPages pages;

  /**
   * The request being served (CDI's built-in bean: cheaper per call than the JAX-RS runtime's
   * proxy, and the filter asks for the client's address on every sign-in and launch).
   */
  @Inject HttpServletRequest servletRequest;

  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * Says once that a balancer seems to be in front but is not trusted: every client behind it then
   * shares its address, and the per-address limits apply to all of them together.
   */
  void warnUntrustedProxy(String address) {
    if (warned.compareAndSet(false, true)) {
      LOG.warning(
          () ->
              "Requests from "
                  + address
                  + " carry X-Forwarded-For, but it is not in "
                  + Settings.TRUSTED_PROXIES
                  + ": if it is your load balancer, add it, or the sign-in and launch limits"
                  + " count all its clients as one");
    }
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    RateLimited limited = resource.getResourceMethod().getAnnotation(RateLimited.class);
    if (limited != null) {
      context.register(new RateLimitFilter(limited.value(), this), Priorities.AUTHENTICATION + 100);
    }
  }
}
