package org.peerloop.moodle.ws;

import jakarta.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code core_webservice_get_site_info}: who the token acts as, the site's release, and the
 * functions the token's service allows (the {@code functions} list), which is how PeerLoop knows
 * what it may ask before it asks.
 *
 * @param version the site's {@code $CFG->version}, e.g. 2024100700 for 4.5
 */
public record SiteInfo(
    String siteName,
    String siteUrl,
    String release,
    long version,
    long userId,
    String username,
    Set<String> functions) {

  public SiteInfo {
    functions = Set.copyOf(functions);
  }

  public boolean allows(String function) {
    return functions.contains(function);
  }

  static SiteInfo of(JsonObject o) {
    Set<String> functions = new TreeSet<>();
    for (JsonObject f : Fields.optionalObjects(o, "functions")) {
      Fields.optionalString(f, "name").ifPresent(functions::add);
    }
    return new SiteInfo(
        Fields.optionalString(o, "sitename").orElse(""),
        Fields.optionalString(o, "siteurl").orElse(""),
        Fields.optionalString(o, "release").orElse(""),
        Fields.optionalLong(o, "version").orElse(0L),
        Fields.requiredLong(o, "userid"),
        Fields.optionalString(o, "username").orElse(""),
        functions);
  }
}
