package org.peerloop.health;

import jakarta.json.bind.annotation.JsonbTransient;
import java.util.Map;

/**
 * What {@code GET /health} answers.
 *
 * @param status {@code UP} when every check is up, else {@code DOWN}
 * @param checks each check's own status by name ({@code database}, {@code keys})
 */
public record HealthReport(String status, Map<String, String> checks) {
  public static final String UP = "UP";
  public static final String DOWN = "DOWN";

  static HealthReport of(Map<String, String> checks) {
    boolean up = checks.values().stream().allMatch(UP::equals);
    return new HealthReport(up ? UP : DOWN, checks);
  }

  @JsonbTransient
  public boolean isUp() {
    return UP.equals(status);
  }
}
