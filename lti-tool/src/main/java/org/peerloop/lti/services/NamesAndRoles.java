package org.peerloop.lti.services;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peerloop.outbound.ServiceException;

/**
 * Names and Role Provisioning Services 2.0: reads a context's membership, page by page. Unknown
 * fields are ignored and members without a {@code user_id} skipped, so a platform's additions do
 * not break the roster.
 */
@ApplicationScoped
public class NamesAndRoles {
  public static final String MEDIA_TYPE =
      "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

  @Inject ServiceCalls calls;

  /** A member as the platform reports it (NRPS 2.0 §2.2); optional fields may be null. */
  public record Member(
      String userId,
      String status,
      List<String> roles,
      String name,
      String givenName,
      String familyName,
      String email,
      String picture) {

    /** {@code Active} unless the platform says {@code Inactive} or {@code Deleted} (§2.2.1). */
    public boolean isActive() {
      return status == null || "Active".equalsIgnoreCase(status);
    }
  }

  /**
   * One page: its members, the next page if any (§2.4), and, on the last page, where to ask for
   * only the changes next time (§2.5).
   */
  public record Page(List<Member> members, Optional<URI> next, Optional<URI> differences) {}

  public Page page(ServicePlatform platform, URI url) {
    HttpResponse<String> response =
        calls.get(platform, Set.of(ServiceScopes.MEMBERSHIPS), url, MEDIA_TYPE);
    if (response.statusCode() != 200) {
      throw ServiceCalls.failure("The memberships service", response);
    }
    List<Member> members = parseMembers(response.body());
    List<String> links = response.headers().allValues("Link");
    return new Page(
        members,
        sameOrigin(url, LinkHeader.find(links, "next", url)),
        sameOrigin(url, LinkHeader.find(links, "differences", url)));
  }

  /**
   * Links are followed only on the service's own origin: the tool's bearer token goes with them.
   */
  private static Optional<URI> sameOrigin(URI service, Optional<URI> link) {
    return link.filter(
        l ->
            service.getScheme().equalsIgnoreCase(l.getScheme())
                && service.getAuthority().equalsIgnoreCase(l.getAuthority()));
  }

  static List<Member> parseMembers(String body) {
    Map<String, Object> container;
    List<Object> members;
    try {
      container = JSONObjectUtils.parse(body);
      members = JSONObjectUtils.getJSONArray(container, "members");
    } catch (ParseException e) {
      throw new ServiceException(200, "roster-malformed", "The membership answer is not JSON");
    }
    if (members == null) {
      throw new ServiceException(200, "roster-malformed", "The membership answer has no members");
    }
    List<Member> parsed = new ArrayList<>(members.size());
    for (Object item : members) {
      if (item instanceof Map<?, ?> m && text(m.get("user_id")) != null) {
        parsed.add(
            new Member(
                text(m.get("user_id")),
                text(m.get("status")),
                m.get("roles") instanceof List<?> roles
                    ? roles.stream().map(String::valueOf).toList()
                    : List.of(),
                text(m.get("name")),
                text(m.get("given_name")),
                text(m.get("family_name")),
                text(m.get("email")),
                text(m.get("picture"))));
      }
    }
    return parsed;
  }

  /** Strings as given; numbers (some platforms send numeric user ids) as their decimal text. */
  private static String text(Object value) {
    if (value instanceof String s) {
      return s.isBlank() ? null : s;
    }
    return value instanceof Number n ? n.toString() : null;
  }
}
