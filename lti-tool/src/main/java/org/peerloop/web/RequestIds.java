package org.peerloop.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the request this thread is serving: taken from a sane {@code X-Request-Id}
 * (a load balancer's) or made here, logged with the request and returned to the client, so a report
 * quoting it leads to the log line.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestIds() {}

  /** Starts a request: adopts the caller's id when it is safe to log, else makes one. */
  static void begin(String offered) {
    CURRENT.set(offered != null && SAFE.matcher(offered).matches() ? offered : newId());
  }

  static void end() {
    CURRENT.remove();
  }

  /** The id of the current request, or a fresh one when called outside a request. */
  public static String current() {
    String id = CURRENT.get();
    return id != null ? id : newId();
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
