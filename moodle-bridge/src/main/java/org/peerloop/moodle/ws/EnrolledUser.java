package org.peerloop.moodle.ws;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A user enrolled in a course, from {@code core_enrol_get_enrolled_users}. The e-mail is present
 * only where the token's user may see it; groups and roles only where the site lists them.
 */
public record EnrolledUser(
    long id, String fullName, Optional<String> email, List<Long> groupIds, List<String> roles) {

  public EnrolledUser {
    groupIds = List.copyOf(groupIds);
    roles = List.copyOf(roles);
  }

  static EnrolledUser of(JsonObject o) {
    return new EnrolledUser(
        Fields.requiredLong(o, "id"),
        Fields.optionalString(o, "fullname").orElse(""),
        Fields.optionalString(o, "email").filter(e -> !e.isBlank()),
        Fields.optionalObjects(o, "groups").stream()
            .map(g -> Fields.requiredLong(g, "id"))
            .toList(),
        Fields.optionalObjects(o, "roles").stream()
            .map(r -> Fields.optionalString(r, "shortname").orElse(""))
            .filter(s -> !s.isEmpty())
            .toList());
  }
}
