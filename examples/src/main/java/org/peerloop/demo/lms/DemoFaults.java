package org.peerloop.demo.lms;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures a test asks the demo's services to answer with: the next {@code times} requests to a
 * service get {@code status}, with a {@code Retry-After} when given, or are answered normally but
 * only after a delay (a slow platform).
 */
public final class DemoFaults {
  /** The services that can be made to fail. */
  public enum Service {
    KEYS,
    TOKEN,
    MEMBERSHIPS,
    LINE_ITEMS,
    SCORES
  }

  /** One planned failure: a status to answer with, or none to answer normally after the delay. */
  public record Fault(Integer status, Integer retryAfterSeconds, Duration delay) {}

  private record Planned(Fault fault, int remaining) {}

  private final Map<Service, Planned> planned = new ConcurrentHashMap<>();

  public void failNext(Service service, int times, int status, Integer retryAfterSeconds) {
    planned.put(service, new Planned(new Fault(status, retryAfterSeconds, Duration.ZERO), times));
  }

  /** The next {@code times} requests are answered, but only after {@code delay}. */
  public void slowNext(Service service, int times, Duration delay) {
    planned.put(service, new Planned(new Fault(null, null, delay), times));
  }

  /** The platform works again. */
  public void clear() {
    planned.clear();
  }

  /**
   * Plays the next planned fault of the service on this exchange: true when it answered it (a
   * failure), false when the service should answer (nothing planned, or a delay that has passed).
   */
  boolean play(HttpExchange exchange, Service service) throws IOException {
    Optional<Fault> next = next(service);
    if (next.isEmpty()) {
      return false;
    }
    Fault fault = next.get();
    try {
      Thread.sleep(fault.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (fault.status() == null) {
      return false;
    }
    if (fault.retryAfterSeconds() != null) {
      exchange.getResponseHeaders().set("Retry-After", String.valueOf(fault.retryAfterSeconds()));
    }
    Http.send(exchange, fault.status(), "text/plain", "Planned failure");
    return true;
  }

  private Optional<Fault> next(Service service) {
    Planned[] taken = new Planned[1];
    planned.computeIfPresent(
        service,
        (s, p) -> {
          taken[0] = p;
          return p.remaining() > 1 ? new Planned(p.fault(), p.remaining() - 1) : null;
        });
    return taken[0] == null ? Optional.empty() : Optional.of(taken[0].fault());
  }
}
