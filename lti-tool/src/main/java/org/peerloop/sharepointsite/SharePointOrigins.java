package org.peerloop.sharepointsite;

import java.util.List;
import java.util.Locale;

/**
 * The origins SharePoint pages are served from, as IT configured them: exact origins, or {@code
 * https://*.sharepoint.com} for any host under that domain (never the domain itself, never a path).
 * The same list decides who may frame PeerLoop's page and whose scripts may ask for a session.
 */
public final class SharePointOrigins {
  private final List<String> patterns;

  public SharePointOrigins(List<String> patterns) {
    this.patterns = patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
  }

  public boolean allows(String origin) {
    if (origin == null || origin.isBlank()) {
      return false;
    }
    String candidate = origin.toLowerCase(Locale.ROOT);
    for (String pattern : patterns) {
      int wildcard = pattern.indexOf("://*.");
      if (wildcard < 0) {
        if (candidate.equals(pattern)) {
          return true;
        }
        continue;
      }
      String scheme = pattern.substring(0, wildcard + 3);
      String suffix = pattern.substring(wildcard + 4);
      if (candidate.startsWith(scheme) && candidate.endsWith(suffix)) {
        String host = candidate.substring(scheme.length(), candidate.length() - suffix.length());
        if (host.matches("[a-z0-9]([a-z0-9\\-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9\\-]*[a-z0-9])?)*")) {
          return true;
        }
      }
    }
    return false;
  }

  public List<String> patterns() {
    return patterns;
  }
}
