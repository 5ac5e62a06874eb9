package org.peerloop.web.limits;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.settings.Settings;
import org.peerloop.web.lti.LaunchPages;

/**
 * Puts a {@link RateLimitFilter} for its limit in front of every method marked {@link RateLimited},
 * after authentication.
 */
@Provider
public class RateLimits implements DynamicFeature {
  @Inject RateLimiter limiter;
  @Inject CurrentSession session;
  @Inject Settings settings;
  @Inject LaunchPages pages;

  /** A proxy to the request being served. */
  @Context HttpServletRequest servletRequest;

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    RateLimited limited = resource.getResourceMethod().getAnnotation(RateLimited.class);
    if (limited != null) {
      context.register(new RateLimitFilter(limited.value(), this), Priorities.AUTHENTICATION + 100);
    }
  }
}
