package org.peerloop.lti.roles;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the roles of a launch (LTI Core §5.3.7 and Appendix A: context, institution and system
 * roles, full URIs or the short names some platforms still send) to PeerLoop roles. Only context
 * roles grant facilitation in a course: an institution "Instructor" teaches somewhere, not
 * necessarily here. Unknown roles grant nothing beyond learner.
 */
public final class RoleMap {
  private static final String CONTEXT = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
  private static final String INSTITUTION =
      "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
  private static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

  /** Context role names (the fragment of the membership URI, or the short form). */
  private static final Map<String, Role> CONTEXT_ROLES =
      Map.of(
          "instructor", Role.FACILITATOR,
          "contentdeveloper", Role.FACILITATOR,
          "administrator", Role.FACILITATOR,
          "manager", Role.FACILITATOR,
          "teachingassistant", Role.FACILITATOR,
          "learner", Role.LEARNER,
          "member", Role.LEARNER,
          "mentor", Role.LEARNER);

  private RoleMap() {}

  /** The PeerLoop roles of a launch; always at least {@link Role#LEARNER}. */
  public static Set<Role> map(Collection<String> ltiRoles) {
    EnumSet<Role> roles = EnumSet.of(Role.LEARNER);
    for (String raw : ltiRoles) {
      String role = raw == null ? "" : raw.strip();
      if (isAdministrator(role)) {
        roles.add(Role.ADMIN);
        roles.add(Role.FACILITATOR);
      } else {
        Role contextRole = contextRole(role);
        if (contextRole != null) {
          roles.add(contextRole);
        }
      }
    }
    return roles;
  }

  /** The highest of the roles, for display and coarse checks. */
  public static Role highest(Set<Role> roles) {
    return roles.contains(Role.ADMIN)
        ? Role.ADMIN
        : roles.contains(Role.FACILITATOR) ? Role.FACILITATOR : Role.LEARNER;
  }

  private static boolean isAdministrator(String role) {
    return role.equals(INSTITUTION + "Administrator")
        || role.equals(SYSTEM + "Administrator")
        || role.equals(SYSTEM + "SysAdmin")
        || role.equals("urn:lti:instrole:ims/lis/Administrator")
        || role.equals("urn:lti:sysrole:ims/lis/SysAdmin")
        || role.equals("urn:lti:sysrole:ims/lis/Administrator");
  }

  /**
   * A context role in any of its forms: the v2 membership URI with an optional sub-role ({@code
   * …/membership/Instructor#TeachingAssistant}), the LTI 1.1 URN, or the bare short name Moodle's
   * Names and Roles service sends.
   */
  private static Role contextRole(String role) {
    String name;
    if (role.startsWith(CONTEXT)) {
      name = role.substring(CONTEXT.length());
    } else if (role.startsWith("http://purl.imsglobal.org/vocab/lis/v2/membership/")) {
      // A sub-role: …/membership/Instructor#TeachingAssistant grants what its parent grants.
      String rest = role.substring("http://purl.imsglobal.org/vocab/lis/v2/membership/".length());
      int hash = rest.indexOf('#');
      name = hash < 0 ? rest : rest.substring(0, hash);
    } else if (role.startsWith("urn:lti:role:ims/lis/")) {
      String rest = role.substring("urn:lti:role:ims/lis/".length());
      int slash = rest.indexOf('/');
      name = slash < 0 ? rest : rest.substring(0, slash);
    } else if (!role.contains(":") && !role.contains("/")) {
      name = role;
    } else {
      return null;
    }
    return CONTEXT_ROLES.get(name.toLowerCase(Locale.ROOT));
  }
}
