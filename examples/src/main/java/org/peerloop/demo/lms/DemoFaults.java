package org.peerloop.demo.lms;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures a test asks the demo's services to answer with: the next {@code times} requests to a
 * service get {@code status}, with a {@code Retry-After} when given.
 */
public final class DemoFaults {
  /** The services that can be made to fail. */
  public enum Service {
    TOKEN,
    MEMBERSHIPS,
    LINE_ITEMS,
    SCORES
  }

  /** One planned failure. */
  public record Fault(int status, Integer retryAfterSeconds) {}

  private record Planned(Fault fault, int remaining) {}

  private final Map<Service, Planned> planned = new ConcurrentHashMap<>();

  public void failNext(Service service, int times, int status, Integer retryAfterSeconds) {
    planned.put(service, new Planned(new Fault(status, retryAfterSeconds), times));
  }

  /** The platform works again. */
  public void clear() {
    planned.clear();
  }

  Optional<Fault> next(Service service) {
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
